import { NextResponse, type NextRequest } from 'next/server'
import { findRedirect } from '@/lib/redirect-map'
import { normalisePath } from '@/lib/redirects'

/**
 * Two jobs, neither of them an access decision (those live in Payload's access rules and lib/data):
 *
 * 1. Redirects. Old addresses (a story whose slug changed after it was published, URLs from the old site)
 *    answer 301 with the new address. A page can only answer 307/308 (`redirect()`/`permanentRedirect()`),
 *    so it is done here, before routing. Next.js 16 runs the proxy in the Node.js runtime inside the server
 *    process, which lets it share the redirect map's invalidation with the collection hooks (see
 *    lib/redirect-map.ts). An ordinary request costs one Map look-up.
 *
 * 2. The admin speaks Danish unless the user chose otherwise. Payload picks the language from its
 *    `payload-lng` cookie (set when a user changes language under their account), then from the browser's
 *    Accept-Language, so an English-language browser would get English. For admin requests without the
 *    cookie we present Danish as the browser's preference.
 */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  if (pathname === '/admin' || pathname.startsWith('/admin/')) {
    const headers = new Headers(request.headers)
    headers.set('accept-language', 'da')
    return NextResponse.next({ request: { headers } })
  }

  const rule = await findRedirect(normalisePath(pathname), loadRedirectList)
  if (!rule) return NextResponse.next()
  // The reader's query string (campaign tags, say) follows them unless the rule sets its own.
  const target = new URL(rule.to, request.url)
  if (!rule.to.includes('?') && search) target.search = search
  // Next.js turns a same-host Location into a relative one, so a forged Host header cannot send readers away.
  return NextResponse.redirect(target, rule.status)
}

/**
 * The rules come from this same server over loopback (PORT is set by `next start` once it listens), not
 * from the address the reader used, whose Host header the reader controls.
 */
async function loadRedirectList(): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/internal/redirects`, {
    cache: 'no-store',
    signal: AbortSignal.timeout(2_000),
  })
  if (!response.ok) throw new Error(`GET /api/internal/redirects answered ${response.status}`)
  return response.json()
}

export const config = {
  matcher: [
    { source: '/admin/:path*', missing: [{ type: 'cookie', key: 'payload-lng' }] },
    // Every public path; Payload's API and admin, Next.js assets and the generated files never redirect.
    '/((?!api|admin|_next|feed\\.xml|sitemap\\.xml|robots\\.txt|icon\\.svg).*)',
  ],
}
