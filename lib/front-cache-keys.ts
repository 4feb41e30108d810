import { z } from 'zod'

/**
 * The names the front cache (Varnish with xkey, ops/varnish/faxe.vcl.template) files pages under.
 *
 * Pages carry their cache tags in the `xkey` response header (set by the server, scripts/lib/http-server.ts,
 * from the tags Next.js computed for the page's cache entry: the lib/cache-tags.ts names the data was read
 * with, plus Next.js's own `_N_T_<path>` path tags). A revalidation purges exactly the tags Next.js passes
 * the cache handler, which include those path tags for `revalidatePath` (lib/front-cache.ts). Kept apart
 * from the purge so that the server can use it before Next.js is loaded.
 */

/** The response header Varnish's xkey vmod indexes. */
export const FRONT_CACHE_KEY_HEADER = 'xkey'

/** The request header of a purge: the keys to drop (our VCL reads it). */
export const FRONT_CACHE_PURGE_HEADER = 'xkey-purge'

/** What can go into an xkey header: the header is split on spaces and commas. */
const key = z.string().regex(/^[^\s,]{1,512}$/)

export const isFrontCacheKey = (value: string): boolean => key.safeParse(value).success

/** The keys of a cache entry's `x-next-cache-tags` value (comma-separated), as one xkey header value. */
export function keyHeaderValue(nextCacheTags: string): string {
  return nextCacheTags
    .split(',')
    .map((tag) => tag.trim())
    .filter(isFrontCacheKey)
    .join(' ')
}
