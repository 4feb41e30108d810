import { FRONT_CACHE_PURGE_HEADER, isFrontCacheKey } from '@/lib/front-cache-keys'
import { logLine } from '@/lib/log'

/**
 * Purging the front caches (Varnish with xkey, ops/varnish/faxe.vcl.template). What a page is tagged with
 * and how a purge names it: lib/front-cache-keys.ts. Called by the cache handler (lib/shared-cache/
 * handler.ts) each time Next.js expires tags, so every revalidation reaches the front caches too, after the
 * entries behind them were expired.
 */

/** A purge is a best effort beside Next.js's own revalidation: it never holds up a request for long. */
const PURGE_TIMEOUT_MS = 2_000

/**
 * Soft-purges `keys` at every front cache in `caches` (FRONT_CACHE_URL; none: nothing to do). Soft: the
 * copies stay as stale objects, served only while every instance is down (grace, see the VCL). Failures
 * are logged, never thrown: the change is saved and Next.js's caches are expired whatever a front cache
 * answers.
 */
export async function purgeFrontCaches(caches: readonly string[], keys: readonly string[]): Promise<void> {
  const valid = [...new Set(keys)].filter(isFrontCacheKey)
  if (caches.length === 0 || valid.length === 0) return
  await Promise.all(
    caches.map(async (url) => {
      try {
        const response = await fetch(url, {
          method: 'PURGE',
          headers: { [FRONT_CACHE_PURGE_HEADER]: valid.join(' ') },
          signal: AbortSignal.timeout(PURGE_TIMEOUT_MS),
        })
        await response.body?.cancel()
        if (!response.ok) throw new Error(`the front cache answered ${response.status}`)
      } catch (error) {
        logLine('warn', 'front-cache-purge-failed', {
          frontCache: url,
          keys: valid.join(' '),
          cause: error instanceof Error ? error.message : String(error),
        })
      }
    }),
  )
}
