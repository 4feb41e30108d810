import { describeDatabaseError } from '@/lib/database-errors'
import { logLine } from '@/lib/log'
import { payloadClient } from '@/lib/payload'
import { currentRequest } from '@/lib/request-context'

// Always answered live: a cached "ok" would hide an outage.
export const dynamic = 'force-dynamic'

const headers = { 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }

/**
 * A monitor must hear "unavailable" in time to act (and within its own timeout, often 5 s): a database that
 * does not answer at all (a dropped network, a held lock) is reported after this long, not when it gives up.
 */
const CHECK_TIMEOUT_MS = 4_000

/**
 * GET /api/health: 200 when the database answers a query, 503 when it does not. The body never says why;
 * the reason goes to the server log for the operator.
 */
export async function GET(): Promise<Response> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`)),
      CHECK_TIMEOUT_MS,
    )
  })
  try {
    const check = payloadClient().then((payload) =>
      payload.count({ collection: 'topics', overrideAccess: false }),
    )
    // The check keeps running after a timeout; its failure is reported by the timeout already.
    check.catch(() => undefined)
    await Promise.race([check, timeout])
    return new Response(JSON.stringify({ status: 'ok' }), { status: 200, headers })
  } catch (error) {
    logLine('error', 'health-check-failed', {
      requestId: currentRequest()?.requestId,
      cause: describeDatabaseError(error),
    })
    return new Response(JSON.stringify({ status: 'unavailable' }), { status: 503, headers })
  } finally {
    clearTimeout(timer)
  }
}
