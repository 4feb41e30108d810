import { randomUUID } from 'node:crypto'
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http'
import next from 'next'
import { getCacheControlHeader } from 'next/dist/server/lib/cache-control'
import { FRONT_CACHE_KEY_HEADER, keyHeaderValue } from '@/lib/front-cache-keys'
import { logLine, loggablePath } from '@/lib/log'
import {
  databaseUnavailableSince,
  REQUEST_ID_HEADER,
  REQUEST_ID_PATTERN,
  type RequestContext,
  runInRequestContext,
} from '@/lib/request-context'
import {
  RETRY_AFTER_SECONDS,
  type Unavailable,
  unavailableHtml,
  unavailableJson,
} from '@/lib/service-unavailable'
import { notModified, pageEtag, type PageCacheEntry, wantsDocument } from './page-etag'
import { redirectLocation } from './redirect-location'

/**
 * The production HTTP server: Next.js's request handler (the same one `next start` uses) inside a Node
 * server of our own, for four things `next start` cannot be told to do:
 *
 * 1. **A request id** on every request (`X-Request-Id`, taken from a proxy in front when it sends a sane one),
 *    in the response header, the log line and the error pages.
 * 2. **503 instead of 500 when the database is unavailable.** Next.js answers any error of a page or route
 *    with 500 (its status is hard-coded), Payload's REST API too. The database adapter marks the request
 *    when a query failed because the database is down or locked (lib/database.ts), and such a 500 is
 *    answered here with the Danish 503 page (or JSON under /api) and `Retry-After`.
 * 3. **Shutdown within a bound.** On SIGTERM/SIGINT it stops listening (new connections are refused), answers
 *    requests that still arrive on open keep-alive connections with a 503, lets the requests in flight
 *    finish, and exits; after `SHUTDOWN_GRACE_MS` it exits anyway. `next start` also drains, but without a
 *    bound, so one slow client could hold a rolling restart.
 *
 * 4. **The page's cache tags in the `xkey` header** for the front cache, and **the page's ETag**, computed
 *    natively rather than by Next.js (see `onCacheEntry`).
 *
 * Every request that ends with a 5xx (or whose handling raised an error) gets one log line with its id
 * (`"event":"request-error"`); see README, "When things fail".
 */

/** Exit at the latest this long after the signal, so the whole shutdown stays under 10 s. */
export const SHUTDOWN_GRACE_MS = 8_000

export type ServeOptions = { port: number; hostname?: string; dir?: string }

export type RunningHttpServer = { server: http.Server; shutdown: (signal: string) => Promise<number> }

function requestIdOf(request: IncomingMessage): string {
  const given = request.headers[REQUEST_ID_HEADER]
  return typeof given === 'string' && REQUEST_ID_PATTERN.test(given) ? given : randomUUID()
}

function wantsJson(request: IncomingMessage): boolean {
  const path = request.url ?? '/'
  return path === '/api' || path.startsWith('/api/') || path.startsWith('/api?')
}

/** Headers of Next.js's own answer that describe its body; ours replaces that body. */
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'etag', 'cache-control', 'vary']

type Writers = Pick<ServerResponse, 'writeHead' | 'end'>

/** The 503's body and headers; `writeHead` only queues headers, the body goes out with `finish`. */
function unavailableAnswer(
  request: IncomingMessage,
  response: ServerResponse,
  reason: Unavailable,
  requestId: string,
  { writeHead, end }: Writers,
): { finish: (callback?: () => void) => void } {
  const json = wantsJson(request)
  const body = json ? unavailableJson(reason, requestId) : unavailableHtml(reason, requestId)
  for (const name of BODY_HEADERS) response.removeHeader(name)
  const headers: OutgoingHttpHeaders = {
    'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    'retry-after': String(RETRY_AFTER_SECONDS[reason]),
  }
  ;(writeHead as (...args: unknown[]) => unknown).call(response, 503, headers)
  return {
    finish: (callback) =>
      void (end as (...args: unknown[]) => unknown).call(
        response,
        request.method === 'HEAD' ? undefined : body,
        callback,
      ),
  }
}

/**
 * The last database call of this process failed for unavailability and none has succeeded since: a 500 of
 * a request that was not marked itself (it shared another request's render) is the outage too.
 */
function databaseDown(): boolean {
  return databaseUnavailableSince() !== undefined
}

function callbackOf(args: unknown[]): (() => void) | undefined {
  return args.find((arg) => typeof arg === 'function') as (() => void) | undefined
}

/**
 * Watches what Next.js writes. A request the database adapter marked (lib/database.ts), answered with a
 * 5xx, gets our 503 instead: at `writeHead` (an explicit status, or the implicit one of a first `write`)
 * our headers are queued, what Next.js writes afterwards is dropped, and its `end` sends our body. All
 * three are checked on entry, because Node calls `writeHead` from inside `write`/`end`, after which the
 * original would still send its own chunk.
 */
/** See scripts/lib/redirect-location.ts. Node sends implicit headers through `writeHead` too. */
function settleRedirectLocation(request: IncomingMessage, response: ServerResponse): void {
  const writeHead = response.writeHead
  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const status = typeof args[0] === 'number' ? args[0] : this.statusCode
    const location = redirectLocation(request.method, request.url, status, this.getHeader('location'))
    if (location !== undefined) this.setHeader('location', location)
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']
}

function mapUnavailableTo503(
  request: IncomingMessage,
  response: ServerResponse,
  context: RequestContext,
): void {
  const originals: Writers & Pick<ServerResponse, 'write'> = {
    writeHead: response.writeHead,
    write: response.write,
    end: response.end,
  }
  let replacement: { finish: (callback?: () => void) => void } | undefined
  let done = false
  const replaces = (status: number) =>
    replacement === undefined &&
    status >= 500 &&
    status !== 503 &&
    (Boolean(context.databaseUnavailable) || databaseDown())
  const replace = () => {
    replacement = unavailableAnswer(request, response, 'database', context.requestId, originals)
  }

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    if (replaces(args[0] as number)) replace()
    if (replacement) return this
    return (originals.writeHead as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['writeHead']

  response.write = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent && replaces(this.statusCode)) replace()
    if (replacement) {
      callbackOf(args)?.()
      return true
    }
    return (originals.write as (...a: unknown[]) => boolean).apply(this, args)
  } as ServerResponse['write']

  response.end = function (this: ServerResponse, ...args: unknown[]) {
    if (!this.headersSent && replaces(this.statusCode)) replace()
    if (replacement) {
      if (done) callbackOf(args)?.()
      else {
        done = true
        replacement.finish(callbackOf(args))
      }
      return this
    }
    return (originals.end as (...a: unknown[]) => ServerResponse).apply(this, args)
  } as ServerResponse['end']
}

type Handle = (request: IncomingMessage, response: ServerResponse) => Promise<void>

/**
 * The server around a request handler (Next.js's in `serve`; tests pass their own). `shutdown` drains it
 * and resolves with the exit code: 0 when every request finished, 1 when the grace period ran out.
 */
export function createHttpServer(
  handle: Handle,
  {
    onDrained = async () => {},
    graceMs = SHUTDOWN_GRACE_MS,
  }: { onDrained?: () => Promise<void>; graceMs?: number } = {},
): RunningHttpServer {
  const active = new Set<ServerResponse>()
  let draining = false
  let drained: (() => void) | undefined

  const server = http.createServer((request, response) => {
    const requestId = requestIdOf(request)
    // Next.js, Payload's hooks and instrumentation.ts see it as a request header.
    request.headers[REQUEST_ID_HEADER] = requestId
    response.setHeader('X-Request-Id', requestId)
    if (draining) {
      response.shouldKeepAlive = false
      unavailableAnswer(request, response, 'shutting-down', requestId, response).finish()
      return
    }
    active.add(response)
    const started = performance.now()
    const context: RequestContext = { requestId }
    mapUnavailableTo503(request, response, context)
    settleRedirectLocation(request, response)
    response.once('close', () => {
      active.delete(response)
      // While shutting down, a kept-alive connection is closed once its response is out.
      if (draining) request.socket.end()
      const status = response.statusCode
      if (status >= 500 || context.error) {
        logLine(status >= 500 ? 'error' : 'warn', 'request-error', {
          requestId,
          method: request.method,
          path: loggablePath(request.url ?? '/'),
          status,
          ms: Math.round(performance.now() - started),
          cause: context.databaseUnavailable ?? context.error ?? 'see the lines above for this request',
        })
      }
      if (draining && active.size === 0) drained?.()
    })
    runInRequestContext(context, () => {
      handle(request, response).catch((error: unknown) => {
        context.error ??= error instanceof Error ? error.message : String(error)
        if (!response.headersSent) {
          response.statusCode = 500
          response.end()
        } else {
          response.destroy()
        }
      })
    })
  })
  // Longer than a load balancer's idle timeout (60 s on most), so it never sends to a socket we closed.
  server.keepAliveTimeout = 65_000

  const shutdown = async (signal: string): Promise<number> => {
    if (draining) return 0
    draining = true
    const started = Date.now()
    logLine('info', 'shutdown', { signal, inFlight: active.size })
    for (const response of active) if (!response.headersSent) response.shouldKeepAlive = false
    // No new connections; idle keep-alive connections are closed now, busy ones after their response.
    server.close()
    server.closeIdleConnections()
    let timer: ReturnType<typeof setTimeout> | undefined
    const deadline = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), graceMs)
    })
    const finished = new Promise<'drained'>((resolve) => {
      drained = () => resolve('drained')
      if (active.size === 0) resolve('drained')
    })
    const outcome = await Promise.race([finished, deadline])
    clearTimeout(timer)
    const closing = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 1_000)
    })
    await Promise.race([onDrained(), closing])
    clearTimeout(timer)
    logLine(outcome === 'drained' ? 'info' : 'warn', 'shutdown-complete', {
      signal,
      outcome,
      unfinished: active.size,
      ms: Date.now() - started,
    })
    return outcome === 'drained' ? 0 : 1
  }

  return { server, shutdown }
}

/** Where Next.js keeps its per-request metadata (node_modules/next/dist/server/request-meta.js). */
const NEXT_REQUEST_META = Symbol.for('NextInternalRequestMeta')

type CacheEntry = PageCacheEntry & { value?: { headers?: Record<string, unknown> } | null }

/**
 * What the server adds to a page served from a cache entry, before Next.js sends it:
 *
 * - The cache tags, in the `xkey` header for the front cache (lib/front-cache.ts). Next.js
 *    stores them with each full-route cache entry (`x-next-cache-tags`: the lib/cache-tags.ts tags the
 *    page's data was read with, and its path tags) but sends that header only in "minimal mode", on a
 *    platform that has its own cache. It hands the entry it is about to send to an `onCacheEntry` callback
 *    in the request's metadata when there is one (the hook such a platform uses; it is absent under
 *    `next start`, see node_modules/next/dist/build/templates/app-page-runtime.js). Ours copies the tags
 *    into the response and answers `false`, so Next.js goes on to send the page as it would anyway.
 *    Only pages served from a cache entry get the header; those are the ones a front cache may keep.
 * - The document's ETag (scripts/lib/page-etag.ts; next.config.ts turns Next.js's own off). For a matching
 *   If-None-Match it answers 304 itself, with the validator and Cache-Control Next.js would have sent,
 *   and answers `true`: the response is handled.
 */
function onCacheEntry(request: IncomingMessage, response: ServerResponse): void {
  const holder = request as unknown as Record<symbol, Record<string, unknown> | undefined>
  holder[NEXT_REQUEST_META] = {
    ...holder[NEXT_REQUEST_META],
    onCacheEntry: (entry: CacheEntry) => {
      if (response.headersSent) return false
      const tags = entry?.value?.headers?.['x-next-cache-tags']
      if (typeof tags === 'string') {
        const value = keyHeaderValue(tags)
        if (value) response.setHeader(FRONT_CACHE_KEY_HEADER, value)
      }
      const etag = wantsDocument(request) ? pageEtag(entry) : undefined
      if (!etag) return false
      response.setHeader('ETag', etag)
      if (!notModified(request, etag)) return false
      const cacheControl = entry?.cacheControl
      if (cacheControl) {
        response.setHeader(
          'Cache-Control',
          getCacheControlHeader({
            revalidate: cacheControl.revalidate ?? false,
            expire: cacheControl.expire,
          }),
        )
      }
      response.statusCode = 304
      response.end()
      return true
    },
  }
}

/** Next.js's production request handler for the build in `dir`, served on `port`. */
export async function serve({
  port,
  hostname,
  dir = process.cwd(),
}: ServeOptions): Promise<RunningHttpServer> {
  // Next.js reads the port it serves on from here.
  process.env.PORT = String(port)
  const app = next({ dev: false, dir, hostname: hostname ?? 'localhost', port })
  await app.prepare()
  const handle = app.getRequestHandler()
  // Pending `after()` work (revalidation after a commit) runs in Next.js's close.
  const running = createHttpServer(
    (request, response) => {
      onCacheEntry(request, response)
      return handle(request, response)
    },
    { onDrained: () => app.close() },
  )
  await new Promise<void>((resolve, reject) => {
    running.server.once('error', reject)
    running.server.listen(port, hostname, () => {
      running.server.off('error', reject)
      resolve()
    })
  })
  return running
}
