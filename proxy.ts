import { NextResponse, type NextRequest } from 'next/server'
import { PATHS } from '@/lib/paths'
import { parseSearchParams, searchResultsPath } from '@/lib/search'

/**
 * Two jobs, each on its own addresses (the matcher keeps every other public page out of the proxy, so a
 * cached page costs no proxy invocation; redirects are answered by the pages that have nothing at an
 * address, lib/data/redirects.ts):
 *
 * - A search (`/soeg?q=…`) is rewritten to the address its page is cached under (lib/search.ts
 *   `searchResultsPath`), parsed first: the page reads the same values the query string gave, with a
 *   repeated parameter counting by its first value. A query the parser refuses, or none, stays at /soeg,
 *   which renders the message or the empty search page.
 * - The admin speaks Danish unless the user chose otherwise. Payload picks the language from its
 *   `payload-lng` cookie (set when a user changes language under their account), then from the browser's
 *   Accept-Language, so an English-language browser would get English. For admin requests without the
 *   cookie we present Danish as the browser's preference.
 */
export function proxy(request: NextRequest) {
  if (request.nextUrl.pathname === PATHS.search) {
    const params = request.nextUrl.searchParams
    const parsed = parseSearchParams({ q: params.getAll('q'), side: params.getAll('side') })
    if (!parsed.ok || !parsed.value.q) return NextResponse.next()
    return NextResponse.rewrite(
      new URL(searchResultsPath({ q: parsed.value.q, side: parsed.value.side }), request.url),
    )
  }
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'da')
  return NextResponse.next({ request: { headers } })
}

export const config = {
  matcher: [
    { source: '/soeg', has: [{ type: 'query', key: 'q' }] },
    { source: '/admin/:path*', missing: [{ type: 'cookie', key: 'payload-lng' }] },
  ],
}
