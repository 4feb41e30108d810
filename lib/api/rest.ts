import { createHash } from 'node:crypto'
import { APIError, getPayload, type Payload, type SanitizedConfig } from 'payload'
import * as qs from 'qs-esm'
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL, restBoundsProblem } from '@/lib/api/limits'
import { badRequest, checkCollectionQuery, checkDocumentId } from '@/lib/api/read-guard'
import { contentGeneration } from '@/lib/content-generation'
import { env } from '@/lib/env'

/**
 * The HTTP contract of /api/... around Payload's own route handlers:
 * - reads are checked before Payload runs them (bounds, sort and where paths, where values, ids), so bad
 *   input gets a 400 with Payload's error shape instead of a huge answer or a database error;
 * - anonymous reads carry a short public Cache-Control and an ETag (If-None-Match -> 304); anything sent
 *   with credentials is `private, no-store`;
 * - CORS: read-only GETs from the origins in CORS_ORIGINS without credentials; credentials only for the
 *   site's own origin (Payload's own `cors` option would send credentials to every listed origin).
 */

type RouteHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type ConfigPromise = Promise<SanitizedConfig> | SanitizedConfig

/** Second path segments that are endpoints of a collection, not document ids. */
const COLLECTION_ENDPOINTS = new Set(['count', 'versions', 'me', 'init', 'access', 'file', 'paste-url'])

function hasCredentials(request: Request): boolean {
  if (request.headers.has('authorization')) return true
  const cookie = request.headers.get('cookie') ?? ''
  return /(?:^|;\s*)payload-token=/.test(cookie)
}

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

/** A 400 answer for the read, or null when Payload may run it. */
async function checkRead(request: Request, payload: Payload): Promise<Response | null> {
  const url = new URL(request.url)
  const bounds = restBoundsProblem(url.searchParams)
  if (bounds) return errorResponse(badRequest(bounds))
  const [collection, second, ...rest] = apiSegments(request)
  if (!collection || collection === 'globals' || !(collection in payload.collections)) return null
  try {
    const endpoints = payload.collections[collection as keyof typeof payload.collections]?.config.endpoints
    const isEndpoint = (name: string) =>
      COLLECTION_ENDPOINTS.has(name) ||
      (Array.isArray(endpoints) && endpoints.some((e) => e.path === `/${name}`))
    if (second !== undefined && rest.length === 0 && !isEndpoint(second)) {
      checkDocumentId(payload, second)
    }
    if (second === undefined || second === 'count') {
      const query = qs.parse(url.search, {
        allowEmptyArrays: true,
        arrayLimit: 1000,
        depth: 10,
        ignoreQueryPrefix: true,
      })
      checkCollectionQuery(payload, collection, query, { anonymous: !hasCredentials(request) })
    }
  } catch (error) {
    if (error instanceof APIError) return errorResponse(error)
    throw error
  }
  return null
}

function allowedOrigins(): { site: string; readers: Set<string> } {
  const { siteUrl, corsOrigins } = env()
  return { site: new URL(siteUrl).origin, readers: new Set(corsOrigins) }
}

/** Replaces whatever CORS headers Payload set with ours. */
function applyCors(request: Request, headers: Headers, { readOnly }: { readOnly: boolean }): void {
  for (const name of [...headers.keys()]) {
    if (name.startsWith('access-control-')) headers.delete(name)
  }
  headers.append('Vary', 'Origin')
  const origin = request.headers.get('origin')
  if (!origin) return
  const { site, readers } = allowedOrigins()
  if (origin === site) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
  } else if (readOnly && readers.has(origin)) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Expose-Headers', 'ETag')
  }
}

function etagOf(body: ArrayBuffer): string {
  return `"${createHash('sha1').update(Buffer.from(body)).digest('base64url')}"`
}

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

async function withCaching(request: Request, response: Response): Promise<Response> {
  const headers = new Headers(response.headers)
  applyCors(request, headers, { readOnly: true })
  headers.append('Vary', 'Authorization, Cookie')
  const isJson = (headers.get('content-type') ?? '').includes('application/json')
  if (hasCredentials(request) || response.status !== 200 || !isJson) {
    // Files under /api/media/file keep the caching Payload gives them; everything else is not to be stored.
    if (hasCredentials(request) || !headers.has('cache-control') || isJson) {
      headers.set('Cache-Control', hasCredentials(request) ? PRIVATE_CACHE_CONTROL : 'no-store')
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
  const body = await response.arrayBuffer()
  const etag = etagOf(body)
  headers.set('ETag', etag)
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
  if (matchesEtag(request.headers.get('if-none-match'), etag)) {
    headers.delete('content-type')
    headers.delete('content-length')
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { status: 200, headers })
}

/** A public JSON document of our own (e.g. /api/openapi.json) with the same caching and CORS as the API. */
export function publicJson(request: Request, body: unknown): Promise<Response> {
  return withCaching(request, Response.json(body))
}

/** The first path segments of anonymous reads kept in Next.js's data cache. */
const CACHED_SEGMENTS = new Set([
  'articles',
  'pages',
  'quotes',
  'interns',
  'contacts',
  'topics',
  'media',
  'globals',
])
function isCacheableRead(request: Request): boolean {
  if (hasCredentials(request)) return false
  const url = new URL(request.url)
  const [first, second] = apiSegments(request)
  // Uploaded files stream from disk; very long query strings would only fill the cache.
  return !!first && CACHED_SEGMENTS.has(first) && second !== 'file' && url.search.length <= 512
}

type Stored = { generation: number; storedAt: number; status: number; contentType: string; body: string }

const READ_CACHE_SIZE = 500
/** Other instances' changes do not reach this process; they show after this long (the max-age, too). */
const READ_CACHE_TTL_MS = 30_000
const readCache = new Map<string, Stored>()

/**
 * Anonymous reads answered from memory, like the pages are from Next.js's cache: the full Payload read
 * (access, population, Lexical hooks) costs about 15 ms of CPU, so without this a REST list managed 69
 * requests/s on our 2-core machines against 1,300 for a cached page. An entry is used while no content
 * has changed in this process since it was stored (lib/content-generation.ts, moved by every revalidating
 * hook) and for at most 30 s. Only 2xx and 4xx answers are kept; the map keeps the newest 500.
 */
async function cachedRead(request: Request, read: () => Promise<Response>): Promise<Response> {
  const url = new URL(request.url)
  // Payload words its error messages in the reader's language.
  const key = `${url.pathname}${url.search}|${request.headers.get('accept-language')?.slice(0, 2) ?? ''}`
  const hit = readCache.get(key)
  const now = Date.now()
  if (hit && hit.generation === contentGeneration() && now - hit.storedAt < READ_CACHE_TTL_MS) {
    return new Response(hit.body, { status: hit.status, headers: { 'content-type': hit.contentType } })
  }
  const generation = contentGeneration()
  const response = await read()
  if (response.status >= 500) return response
  const stored: Stored = {
    generation,
    storedAt: now,
    status: response.status,
    contentType: response.headers.get('content-type') ?? 'application/json',
    body: await response.text(),
  }
  readCache.delete(key)
  readCache.set(key, stored)
  if (readCache.size > READ_CACHE_SIZE) readCache.delete(readCache.keys().next().value!)
  return new Response(stored.body, { status: stored.status, headers: { 'content-type': stored.contentType } })
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
 * that query (the admin's relationship fields do this for long queries). Such a read goes through the same
 * checks as a GET; the JSON variant is refused because not every endpoint reads it.
 */
async function overrideAsGet(request: Request): Promise<Request | Response> {
  const type = request.headers.get('content-type') ?? ''
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
  const GET: RouteHandler = async (request, context) => {
    const payload = await getPayload({ config })
    const rejected = await checkRead(request, payload)
    if (rejected) return withCaching(request, rejected)
    const response = isCacheableRead(request)
      ? await cachedRead(request, () => routes.GET(request, context))
      : await routes.GET(request, context)
    return withCaching(request, response)
  }
  /** Writes are never stored, and cross-origin only for the site itself. */
  const write =
    (handler: RouteHandler): RouteHandler =>
    async (request, context) => {
      if (isReadOverride(request)) {
        const read = await overrideAsGet(request)
        return read instanceof Response ? withCaching(request, read) : GET(read, context)
      }
      const response = await handler(request, context)
      const headers = new Headers(response.headers)
      applyCors(request, headers, { readOnly: false })
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

/** Preflight: the listed readers may GET; only the site's own origin may do more. */
const preflight: RouteHandler = async (request) => {
  const headers = new Headers()
  headers.append('Vary', 'Origin')
  const origin = request.headers.get('origin')
  const { site, readers } = allowedOrigins()
  if (origin === site) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Credentials', 'true')
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS')
    headers.set(
      'Access-Control-Allow-Headers',
      'Content-Type, Authorization, If-None-Match, X-Payload-HTTP-Method-Override',
    )
    headers.set('Access-Control-Max-Age', '600')
  } else if (origin && readers.has(origin)) {
    headers.set('Access-Control-Allow-Origin', origin)
    headers.set('Access-Control-Allow-Methods', 'GET, HEAD, OPTIONS')
    headers.set('Access-Control-Allow-Headers', 'Content-Type, If-None-Match')
    headers.set('Access-Control-Max-Age', '600')
  }
  return new Response(null, { status: 204, headers })
}
