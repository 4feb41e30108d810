import { payloadClient } from '@/lib/payload'

// Always answered live: a cached "ok" would hide an outage.
export const dynamic = 'force-dynamic'

const headers = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }

/**
 * GET /api/health: 200 when the database answers a query, 503 when it does not. The body never says why;
 * the reason goes to the server log for the operator.
 */
export async function GET(): Promise<Response> {
  try {
    const payload = await payloadClient()
    await payload.count({ collection: 'topics', overrideAccess: false })
    return new Response(JSON.stringify({ status: 'ok' }), { status: 200, headers })
  } catch (error) {
    console.error('[health] database check failed:', error instanceof Error ? error.message : error)
    return new Response(JSON.stringify({ status: 'unavailable' }), { status: 503, headers })
  }
}
