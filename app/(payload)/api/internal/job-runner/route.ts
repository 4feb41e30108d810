import config from '@payload-config'
import { getPayload } from 'payload'
import { z } from 'zod'
import { hasValidSignature, isFresh, SIGNATURE_HEADER } from '@/lib/internal-request'

export const dynamic = 'force-dynamic'

const body = z.object({ issuedAt: z.number().int() })

/**
 * POST /api/internal/job-runner: initialises Payload with its job runner in this server process (see
 * lib/job-runner.ts). Idempotent: Payload starts the runner once per process. Only signed, recent requests
 * from this installation are accepted; anyone else gets 404 as if the route did not exist.
 */
export async function POST(request: Request): Promise<Response> {
  const raw = await request.text()
  if (raw.length > 1_000 || !hasValidSignature(raw, request.headers.get(SIGNATURE_HEADER))) {
    return new Response(null, { status: 404 })
  }
  const parsed = body.safeParse(JSON.parse(raw))
  if (!parsed.success || !isFresh(parsed.data.issuedAt))
    return Response.json({ error: 'expired' }, { status: 400 })
  try {
    await getPayload({ config, cron: true })
  } catch (error) {
    console.error('[jobs] could not start the job runner:', error instanceof Error ? error.message : error)
    return Response.json({ started: false }, { status: 503 })
  }
  return Response.json({ started: true }, { headers: { 'cache-control': 'no-store' } })
}
