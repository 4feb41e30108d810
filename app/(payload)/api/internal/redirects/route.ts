import { getRedirectRules } from '@/lib/data/redirects'

// The proxy asks for this when its map is stale; a cached answer would defeat that.
export const dynamic = 'force-dynamic'

/**
 * GET /api/internal/redirects: every redirect rule as `{ redirects: [{ from, to, status }] }`, for the
 * proxy's in-memory map (lib/redirect-map.ts). The rules are public by nature (asking for the old address
 * shows where it leads), so the route needs no secret.
 */
export async function GET(): Promise<Response> {
  try {
    const redirects = await getRedirectRules()
    return Response.json({ redirects }, { headers: { 'cache-control': 'no-store' } })
  } catch (error) {
    console.error(
      '[redirects] could not load the redirect rules:',
      error instanceof Error ? error.message : error,
    )
    return Response.json({ error: 'unavailable' }, { status: 503, headers: { 'cache-control': 'no-store' } })
  }
}
