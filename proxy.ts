import { NextResponse, type NextRequest } from 'next/server'

/**
 * The admin speaks Danish unless the user chose otherwise. Payload picks the language from its `payload-lng`
 * cookie (set when a user changes language under their account), then from the browser's Accept-Language,
 * so an English-language browser would get English. For admin requests without the cookie we present
 * Danish as the browser's preference.
 *
 * Nothing else runs here: the matcher keeps every public page out of the proxy, so a cached page costs no
 * proxy invocation. Redirects are answered by the pages that have nothing at an address
 * (lib/data/redirects.ts).
 */
export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers)
  headers.set('accept-language', 'da')
  return NextResponse.next({ request: { headers } })
}

export const config = {
  matcher: [{ source: '/admin/:path*', missing: [{ type: 'cookie', key: 'payload-lng' }] }],
}
