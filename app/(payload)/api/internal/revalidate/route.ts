import { z } from 'zod'
import { hasValidSignature, isFresh, SIGNATURE_HEADER } from '@/lib/internal-request'
import { revalidateHere } from '@/lib/revalidate'

export const dynamic = 'force-dynamic'

const body = z.object({
  tags: z.array(z.string().min(1).max(256)).max(200),
  paths: z.array(z.string().startsWith('/').max(1024)).max(200),
  issuedAt: z.number().int(),
})

/**
 * POST /api/internal/revalidate: refreshes cache tags and paths on behalf of code that changed content
 * outside a request (the job runner, scripts; see lib/revalidate.ts). Only signed, recent requests from this
 * installation are accepted; anyone else gets 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  const raw = await request.text()
  if (raw.length > 64_000 || !hasValidSignature(raw, request.headers.get(SIGNATURE_HEADER))) {
    return new Response(null, { status: 404 })
  }
  let parsed: z.infer<typeof body>
  try {
    parsed = body.parse(JSON.parse(raw))
  } catch {
    return Response.json({ error: 'invalid body' }, { status: 400 })
  }
  if (!isFresh(parsed.issuedAt)) return Response.json({ error: 'expired' }, { status: 400 })
  // Inside this route handler Next.js accepts the revalidation and applies it when the handler returns.
  revalidateHere(parsed)
  return Response.json({ revalidated: true }, { headers: { 'cache-control': 'no-store' } })
}
