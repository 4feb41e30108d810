import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'

/**
 * ETags for cached pages, computed with Node's native SHA-1 instead of by Next.js.
 *
 * Next.js hashes every page it sends for its ETag with FNV-1a written in JavaScript, one character at a
 * time (node_modules/next/dist/server/lib/etag.js). A CPU profile of one instance serving a cached story page
 * (36 KB of HTML, `wrk -t2 -c20`, `node --cpu-prof`) put 34 % of the server's CPU in that hash. So
 * next.config.ts turns `generateEtags` off, and the server (scripts/lib/http-server.ts) gives the pages
 * served from a cache entry an ETag from this module: the same validator for the same bytes, and 304
 * for a matching If-None-Match, as Next.js did.
 *
 * Only documents (not the React Server Component payloads a client navigation fetches, whose bodies differ
 * from the document's for the same entry), only a finished body (not a stream), only a 200.
 */

/** The part of a Next.js cache entry (ResponseCacheEntry, kind APP_PAGE) this reads. */
export type PageCacheEntry =
  | {
      value?: {
        kind?: string
        status?: number
        html?: { isDynamic?: boolean; toUnchunkedString?: () => string }
      } | null
      cacheControl?: { revalidate?: number | false; expire?: number }
    }
  | null
  | undefined

/** Whether the request is for the HTML document (not an RSC payload of a client-side navigation). */
export function wantsDocument(request: IncomingMessage): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    request.headers.rsc === undefined &&
    request.headers['next-router-prefetch'] === undefined &&
    request.headers['next-router-segment-prefetch'] === undefined
  )
}

/** The ETag of the document a cache entry holds, or undefined when this module does not tag it. */
export function pageEtag(entry: PageCacheEntry): string | undefined {
  const value = entry?.value
  if (value?.kind !== 'APP_PAGE' || (value.status ?? 200) !== 200) return undefined
  const html = value.html
  if (!html || html.isDynamic !== false || typeof html.toUnchunkedString !== 'function') return undefined
  const body = html.toUnchunkedString()
  return `"${createHash('sha1').update(body).digest('base64url')}"`
}

/**
 * Whether If-None-Match names `etag` (or is `*`), compared weakly as RFC 9110 13.1.2 says for this header.
 * Unlike the `fresh` package Next.js used, a request's `Cache-Control: no-cache` does not turn the 304 into
 * a full answer: that directive asks caches on the way to check with the origin, which is what a
 * conditional request to the origin does (and `fetch` adds it to every conditional request it sends).
 */
export function notModified(request: IncomingMessage, etag: string): boolean {
  const header = request.headers['if-none-match']
  if (typeof header !== 'string' || header.trim() === '') return false
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag))
}
