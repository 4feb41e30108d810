import { env } from '@/lib/env'

/**
 * CORS of /api/...: read-only GETs from the origins in CORS_ORIGINS, without credentials; credentials only
 * for the site's own origin. (Payload's own `cors` option would send credentials to every listed origin.)
 */

type Grant = { origin: string; credentials: boolean } | null

function grant(request: Request, { readOnly }: { readOnly: boolean }): Grant {
  const origin = request.headers.get('origin')
  if (!origin) return null
  const { siteUrl, corsOrigins } = env()
  if (origin === new URL(siteUrl).origin) return { origin, credentials: true }
  return readOnly && corsOrigins.includes(origin) ? { origin, credentials: false } : null
}

/** Replaces whatever CORS headers Payload set with ours. */
export function applyCors(request: Request, headers: Headers, options: { readOnly: boolean }): void {
  for (const name of [...headers.keys()]) {
    if (name.startsWith('access-control-')) headers.delete(name)
  }
  headers.append('Vary', 'Origin')
  const granted = grant(request, options)
  if (!granted) return
  headers.set('Access-Control-Allow-Origin', granted.origin)
  if (granted.credentials) headers.set('Access-Control-Allow-Credentials', 'true')
  else headers.set('Access-Control-Expose-Headers', 'ETag')
}

/** Preflight: the listed readers may GET; only the site's own origin may do more. */
export async function preflight(request: Request): Promise<Response> {
  const headers = new Headers({ Vary: 'Origin' })
  const granted = grant(request, { readOnly: true })
  if (granted?.credentials) {
    headers.set('Access-Control-Allow-Credentials', 'true')
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS')
    headers.set(
      'Access-Control-Allow-Headers',
      'Content-Type, Authorization, If-None-Match, X-Payload-HTTP-Method-Override',
    )
  } else if (granted) {
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    headers.set('Access-Control-Allow-Headers', 'Content-Type, If-None-Match')
  }
  if (granted) {
    headers.set('Access-Control-Allow-Origin', granted.origin)
    headers.set('Access-Control-Max-Age', '600')
  }
  return new Response(null, { status: 204, headers })
}
