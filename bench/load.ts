import { type ChildProcess, spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import autocannon from 'autocannon'

/** One HTTP request the benchmark loads: a page, an API call or the static ceiling. */
export type Request = {
  method: 'GET' | 'POST'
  url: string
  headers?: Record<string, string>
  body?: string
}

export type LoadResult = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  requests: number
  /** Connection errors (timeouts included) and non-2xx answers together. */
  errors: number
  /** Requests that got no answer within 10 s (counted in `errors` too). */
  timeouts: number
  /** How often each `x-nextjs-cache` value came back (HIT, MISS, STALE, or "none" without the header). */
  cache: Record<string, number>
}

export const CONNECTIONS = 20

/** The header Next.js sets on responses from its full-route cache. */
const CACHE_HEADER = 'x-nextjs-cache'

/**
 * Reads a header out of what autocannon's client emits on "headers": the HTTP parser's info object with
 * a flat [name, value, name, value, ...] list (its type definitions claim a header object; both are read).
 */
function cacheHeaderOf(info: unknown): string {
  const headers = (info as { headers?: unknown } | null)?.headers
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === CACHE_HEADER) return String(headers[i + 1])
    }
    return 'none'
  }
  if (headers && typeof headers === 'object') {
    const value = (headers as Record<string, unknown>)[CACHE_HEADER]
    return value === undefined ? 'none' : String(value)
  }
  return 'none'
}

/** `seconds` of load at CONNECTIONS concurrent connections. */
export async function load(request: Request, seconds: number): Promise<LoadResult> {
  const cache: Record<string, number> = {}
  const result = await autocannon({
    url: request.url,
    method: request.method,
    headers: request.headers,
    body: request.body,
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    setupClient: (client) => {
      client.on('headers', (info: unknown) => {
        const value = cacheHeaderOf(info)
        cache[value] = (cache[value] ?? 0) + 1
      })
    },
  })
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    // autocannon counts a timeout as an error as well as in `timeouts`.
    errors: result.errors + result.non2xx,
    timeouts: result.timeouts,
    cache,
  }
}

/**
 * The ceiling: a minimal node:http server in a process of its own that answers every request with the
 * given bytes, as a static-file server would. Its own process so it does not share an event loop with the
 * load generator (the Next.js server does not either).
 */
export async function startStaticServer(
  file: string,
  port: number,
): Promise<{ url: string; process: ChildProcess; stop: () => void }> {
  const code = `
    const http = require('node:http')
    const body = require('node:fs').readFileSync(process.argv[1])
    const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }
    http
      .createServer((req, res) => {
        res.writeHead(200, headers)
        res.end(body)
      })
      .listen(Number(process.argv[2]), '127.0.0.1', () => process.stdout.write('ready\\n'))
  `
  const child = spawn(process.execPath, ['-e', code, file, String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (exitCode) => reject(new Error(`the static server exited with code ${exitCode}`)))
    child.stdout?.once('data', () => resolve())
  })
  return { url: `http://127.0.0.1:${port}/`, process: child, stop: () => child.kill('SIGTERM') }
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function rssBytes(pid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      // The parent pid is the 4th field after the command, which is in parentheses and may hold spaces.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
    } catch {
      // The process ended between listing and reading: it has no memory to count.
    }
  }
  let total = 0
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8')
      const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0)
      total += kb * 1024
    } catch {
      return
    }
    for (const child of children.get(id) ?? []) visit(child)
  }
  visit(pid)
  return total
}
