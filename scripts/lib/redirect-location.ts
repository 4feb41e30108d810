/**
 * The Location of a redirect that a page answered (lib/data/redirects.ts: 308 for a permanent rule, 307 for
 * a temporary one), as the server sends it:
 * - once: Next.js 16.4 sends the Location header twice when it renders such a page on a cache miss (seen
 *   with `curl -D -`), which a client may read as two different targets;
 * - with the reader's query string when the rule has none of its own (campaign tags on an old address lead
 *   on with the reader). The page cannot do that itself: a cached page never sees the query string.
 * Returns the Location to send, or undefined to leave the answer as it is.
 */
const NOT_PAGES = /^\/(api|admin|next|_next)(\/|$)/

export function redirectLocation(
  method: string | undefined,
  url: string | undefined,
  status: number,
  location: unknown,
): string | undefined {
  if (status !== 307 && status !== 308) return undefined
  const values = Array.isArray(location) ? location.map(String) : location == null ? [] : [String(location)]
  const first = values[0]
  // Two different targets are not ours to choose between.
  if (first === undefined || values.some((value) => value !== first)) return undefined
  const [pathname = '', query = ''] = (url ?? '').split(/\?(.*)/s, 2)
  const carries =
    (method === 'GET' || method === 'HEAD') &&
    !NOT_PAGES.test(pathname) &&
    query !== '' &&
    first.startsWith('/') &&
    !first.startsWith('//') &&
    !first.includes('?')
  if (!carries) return values.length > 1 ? first : undefined
  const hash = first.indexOf('#')
  return hash === -1 ? `${first}?${query}` : `${first.slice(0, hash)}?${query}${first.slice(hash)}`
}
