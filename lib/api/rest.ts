import { APIError, getPayload, getRequestLanguage, type SanitizedConfig } from 'payload'
import { withCaching } from '@/lib/api/cache-headers'
import { applyCors, preflight } from '@/lib/api/cors'
import { PRIVATE_CACHE_CONTROL } from '@/lib/api/limits'
import { normaliseRestQuery, type RestQuery } from '@/lib/api/query'
import { anonymousRead, isCacheableRead, looksLikeCredentials, payloadUser } from '@/lib/api/read-cache'
import { badRequest, checkRead } from '@/lib/api/read-guard'
import { env } from '@/lib/env'
import { applyRevalidations } from '@/lib/revalidate'

/**
 * The HTTP contract of /api/... around Payload's own route handlers:
 * - every query string (and method-override body) goes through one parser (lib/api/query.ts) and Payload
 *   gets the normalised result: bounds hold for every shape `qs` accepts;
 * - reads are checked before Payload runs them (sort and where paths, where values, ids), so bad input
 *   gets a 400 with Payload's error shape instead of a huge answer or a database error;
 * - anonymous reads (by Payload's own authentication) are answered from the read cache
 *   (lib/api/read-cache.ts) with a short public Cache-Control and an ETag; anything else is
 *   `private, no-store` (lib/api/cache-headers.ts);
 * - CORS by lib/api/cors.ts.
 */

type RouteContext = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, context: RouteContext) => Promise<Response>
type ConfigPromise = Promise<SanitizedConfig> | SanitizedConfig

/**
 * Payload's error shape, `{ errors: [{ message, name?, data? }] }`. Written out here rather than through
 * Payload's `formatErrors`, which answers "An unknown error occurred." for an error whose class name the
 * production bundle has minified away.
 */
function errorResponse(error: APIError<object | null>): Response {
  // Same keys in the same order as Payload's, so our answers cannot be told from its own.
  const entry = error.data
    ? { name: error.name, data: error.data, message: error.message }
    : { message: error.message }
  return Response.json({ errors: [entry] }, { status: error.status })
}

function apiSegments(request: Request): string[] {
  const { pathname } = new URL(request.url)
  return pathname
    .replace(/^\/api\/?/, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent)
}

/** The request with its query string replaced by the normalised one, or a 400. */
function normalised(request: Request): { request: Request; query: RestQuery } | Response {
  const url = new URL(request.url)
  const result = normaliseRestQuery(url.search)
  if (!result.ok) return errorResponse(badRequest(result.message))
  if (url.search === result.search) return { request, query: result.query }
  url.search = result.search
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body !== null
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
    ...(hasBody ? { body: request.body, duplex: 'half' } : {}),
  }
  return { request: new Request(url, init), query: result.query }
}

function isReadOverride(request: Request): boolean {
  return (
    request.method === 'POST' &&
    (request.headers.get('x-payload-http-method-override') === 'GET' ||
      request.headers.get('x-http-method-override') === 'GET')
  )
}

/**
 * Payload reads `POST` with `X-Payload-HTTP-Method-Override: GET` and a form-encoded body as a GET with
 * that query (the admin's relationship fields do this for long queries). Such a read becomes a GET with
 * the body as its query string, so it goes through the same parser and checks. The JSON variant is
 * refused: Payload would hand its object to findByID unparsed (`{"depth": 100}`).
 */
async function overrideAsGet(request: Request): Promise<Request | Response> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  if (!type.startsWith('application/x-www-form-urlencoded')) {
    return errorResponse(
      badRequest(
        'Læsning med X-Payload-HTTP-Method-Override kræver en application/x-www-form-urlencoded forespørgsel; brug ellers GET.',
      ),
    )
  }
  const url = new URL(request.url)
  url.search = await request.text()
  const headers = new Headers(request.headers)
  headers.delete('x-payload-http-method-override')
  headers.delete('x-http-method-override')
  headers.delete('content-type')
  headers.delete('content-length')
  return new Request(url, { method: 'GET', headers, signal: request.signal })
}

type PayloadRoutes = {
  GET: RouteHandler
  POST: RouteHandler
  PATCH: RouteHandler
  PUT: RouteHandler
  DELETE: RouteHandler
}

/** Payload's REST route handlers wrapped in the contract described at the top of this file. */
export function publicRestApi(config: ConfigPromise, routes: PayloadRoutes) {
  const GET: RouteHandler = async (incoming, context) => {
    const payload = await getPayload({ config })
    const parsed = normalised(incoming)
    if (parsed instanceof Response) return withCaching(incoming, parsed, true)
    const { request, query } = parsed
    const credentials = looksLikeCredentials(request.headers)
    const anonymous = !credentials && (await payloadUser(payload, request.headers)) === null
    try {
      await checkRead(payload, apiSegments(request), query, anonymous)
    } catch (error) {
      if (error instanceof APIError) return withCaching(request, errorResponse(error), anonymous)
      throw error
    }
    const url = new URL(request.url)
    if (!anonymous || !isCacheableRead(apiSegments(request), url.search)) {
      // A GET can write too: Payload's jobs endpoint (scheduled publishing).
      const response = await routes.GET(request, context)
      applyRevalidations()
      return withCaching(request, response, anonymous)
    }
    // The stored answer is computed at the site's own origin, whatever Host the reader sent.
    const canonical = new URL(`${url.pathname}${url.search}`, env().siteUrl)
    const language = getRequestLanguage({
      config: payload.config,
      cookies: new Map(),
      headers: request.headers,
    })
    const response = await anonymousRead(canonical, language, (clean) => routes.GET(clean, context))
    return withCaching(request, response, true)
  }
  /** Writes are never stored, and cross-origin only for the site itself. Their query goes through the parser too. */
  const write =
    (handler: RouteHandler): RouteHandler =>
    async (incoming, context) => {
      if (isReadOverride(incoming)) {
        const read = await overrideAsGet(incoming)
        return read instanceof Response ? withCaching(incoming, read, false) : GET(read, context)
      }
      const parsed = normalised(incoming)
      const response = parsed instanceof Response ? parsed : await handler(parsed.request, context)
      // Payload has committed the write: expire what it changed now, before the answer goes out.
      applyRevalidations()
      const headers = new Headers(response.headers)
      applyCors(incoming, headers, { readOnly: false })
      headers.set('Cache-Control', PRIVATE_CACHE_CONTROL)
      return new Response(response.body, {
        status: response.status,
        statusText: response.statusText,
        headers,
      })
    }
  /** HEAD answers with the GET's headers (ETag, Cache-Control) and no body. */
  const HEAD: RouteHandler = async (request, context) => {
    const response = await GET(new Request(request.url, { method: 'GET', headers: request.headers }), context)
    return new Response(null, { status: response.status, headers: response.headers })
  }
  return {
    GET,
    HEAD,
    POST: write(routes.POST),
    PATCH: write(routes.PATCH),
    PUT: write(routes.PUT),
    DELETE: write(routes.DELETE),
    OPTIONS: preflight,
  }
}
