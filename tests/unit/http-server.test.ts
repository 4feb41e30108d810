import type { AddressInfo } from 'node:net'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { noteDatabaseAnswered, noteDatabaseUnavailable } from '@/lib/request-context'
import { createHttpServer, type RunningHttpServer } from '@/scripts/lib/http-server'

/**
 * The server around Next.js's handler, with handlers that fail the way Next.js does: a 500 written with
 * `statusCode` + `end`, or with `writeHead` and a streamed body, after an `await` (the database call).
 */

const servers: RunningHttpServer[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  // The process-wide "database down" mark the failures above leave behind.
  noteDatabaseAnswered()
  for (const running of servers.splice(0)) {
    running.server.closeAllConnections()
    await new Promise((resolve) => running.server.close(resolve))
  }
})

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>

async function start(
  handle: Handler,
  graceMs?: number,
): Promise<{ url: string; running: RunningHttpServer }> {
  const running = createHttpServer(handle, graceMs ? { graceMs } : {})
  servers.push(running)
  await new Promise<void>((resolve) => running.server.listen(0, '127.0.0.1', resolve))
  const { port } = running.server.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, running }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** What Next.js sends for a page whose render threw: status 500 and its own document with a stack. */
const failingPage =
  (markUnavailable: boolean): Handler =>
  async (_request, response) => {
    await pause(5)
    if (markUnavailable) noteDatabaseUnavailable('ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432')
    response.statusCode = 500
    response.setHeader('content-type', 'text/html; charset=utf-8')
    response.setHeader('x-frame-options', 'SAMEORIGIN')
    response.write('<!DOCTYPE html><html><body>Error: connect ECONNREFUSED at Pool.connect')
    await pause(5)
    response.end('</body></html>')
  }

function logLines(spy: { mock: { calls: unknown[][] } }): Record<string, unknown>[] {
  return spy.mock.calls
    .map((call) => String(call[0]))
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

describe('a request the database could not answer', () => {
  it('gets the Danish 503 page with its request id instead of the 500, and one log line', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(failingPage(true))
    const response = await fetch(`${url}/historier/ny`)
    const body = await response.text()
    expect(response.status).toBe(503)
    expect(response.headers.get('retry-after')).toBe('30')
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    // Headers set before the failure (the security headers) are kept.
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN')
    const requestId = response.headers.get('x-request-id') ?? ''
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    expect(body).toContain('<html lang="da">')
    expect(body).toContain('Siden kunne ikke vises lige nu')
    expect(body).toContain('Databasen svarer ikke lige nu. Prøv igen om lidt.')
    expect(body).toContain(`Fejlkode: ${requestId}`)
    expect(body.trimEnd().endsWith('</html>')).toBe(true)
    expect(body).not.toMatch(/ECONNREFUSED|Pool\.connect/)
    await vi.waitFor(() => expect(logLines(errors)).toHaveLength(1))
    expect(logLines(errors)[0]).toMatchObject({
      level: 'error',
      event: 'request-error',
      requestId,
      method: 'GET',
      path: '/historier/ny',
      status: 503,
      cause: 'ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:5432',
    })
  })

  it('under /api gets Payload’s error shape in Danish', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(async (_request, response) => {
      await pause(5)
      noteDatabaseUnavailable('SQLITE_BUSY: database is locked')
      response.writeHead(500, { 'content-type': 'application/json' })
      response.end(JSON.stringify({ errors: [{ message: 'Something went wrong.' }] }))
    })
    const response = await fetch(`${url}/api/articles?limit=1`, {
      headers: { 'x-request-id': 'lb-4711-abcdef' },
    })
    expect(response.status).toBe(503)
    expect(response.headers.get('x-request-id')).toBe('lb-4711-abcdef')
    expect(await response.json()).toEqual({
      errors: [{ message: 'Databasen svarer ikke lige nu. Prøv igen om lidt. Fejlkode: lb-4711-abcdef' }],
    })
  })

  it('HEAD gets the 503 status without a body', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(failingPage(true))
    const response = await fetch(`${url}/`, { method: 'HEAD' })
    expect(response.status).toBe(503)
    expect(await response.text()).toBe('')
  })
})

describe('while the database is down', () => {
  it('a 500 of a request that was not marked itself (it shared another’s render) is a 503 too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(async (request, response) => {
      await pause(5)
      if (request.url === '/renders') noteDatabaseUnavailable('ECONNREFUSED: connect ECONNREFUSED')
      response.statusCode = 500
      response.end('Internal Server Error')
    })
    expect((await fetch(`${url}/renders`)).status).toBe(503)
    expect((await fetch(`${url}/waited-for-it`)).status).toBe(503)
    // Once any database call succeeds again, a 500 is a 500.
    noteDatabaseAnswered()
    expect((await fetch(`${url}/waited-for-it`)).status).toBe(500)
  })
})

describe('other failures', () => {
  it('a 500 for another reason stays a 500 and is logged with its id', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(failingPage(false))
    const response = await fetch(`${url}/om?token=abc`, { headers: { 'x-request-id': 'bad id "forged"' } })
    expect(response.status).toBe(500)
    const requestId = response.headers.get('x-request-id')
    // A request id that could forge a log line is replaced by our own.
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/)
    await vi.waitFor(() => expect(logLines(errors)).toHaveLength(1))
    const [line] = logLines(errors)
    expect(line).toMatchObject({ event: 'request-error', requestId, status: 500, path: '/om' })
  })

  it('answers that pass are not touched and not logged', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url } = await start(async (_request, response) => {
      response.setHeader('content-type', 'text/plain')
      response.end('ok')
    })
    const response = await fetch(`${url}/`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe('ok')
    await pause(20)
    expect(logLines(errors)).toHaveLength(0)
  })
})

describe('shutdown', () => {
  it('lets the request in flight finish, refuses new connections and resolves 0', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const { url, running } = await start(async (_request, response) => {
      await pause(400)
      response.end('done')
    })
    const inFlight = fetch(`${url}/slow`).then(async (r) => [r.status, await r.text()])
    await pause(100)
    const shutdown = running.shutdown('SIGTERM')
    await pause(20)
    const refused = await fetch(`${url}/new`).then(
      (r) => `answered ${r.status}`,
      (error: Error & { cause?: { code?: string } }) => error.cause?.code,
    )
    expect(refused).toBe('ECONNREFUSED')
    expect(await inFlight).toEqual([200, 'done'])
    expect(await shutdown).toBe(0)
  })

  it('gives up after the grace period and resolves 1', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => undefined)
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { url, running } = await start(() => new Promise(() => undefined), 300)
    const hanging = fetch(`${url}/hangs`).catch(() => 'aborted')
    await pause(50)
    const started = Date.now()
    expect(await running.shutdown('SIGTERM')).toBe(1)
    expect(Date.now() - started).toBeLessThan(1_500)
    running.server.closeAllConnections()
    expect(await hanging).toBe('aborted')
  })
})
