import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { Redis } from 'ioredis'
import { checkVarnish, type RunningVarnish, startVarnish } from '@/scripts/lib/varnish'
import { freePort, type RunningServer } from '@/scripts/lib/server'
import { logEntries, ownBuild, startOwnServer } from './faults'
import { testPayload } from './payload'
import { createUser, deleteUser, type TestUser } from './users'

/**
 * What the topology tests (`npm run test:topology`, tests/topology) share: the services they need, Redis
 * servers of their own, several instances of ONE build on the run's database (tests/helpers/
 * global-setup.ts, with TEST_DATABASE=postgres), the way production runs them behind a load balancer, and
 * front caches (Varnish, scripts/lib/varnish.ts).
 */

/** The machine's Redis (CI starts it), database 5; every test writes under a key prefix of its own. */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379/5'

/** Why the topology tests cannot run here, or null. Checked once by tests/helpers/topology-setup.ts. */
export async function missingServices(): Promise<string | null> {
  const problems: string[] = []
  const redis = new Redis(TEST_REDIS_URL, {
    lazyConnect: true,
    enableOfflineQueue: false,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  })
  redis.on('error', () => undefined)
  try {
    await redis.connect()
    await redis.ping()
  } catch (error) {
    problems.push(
      `Redis does not answer at ${TEST_REDIS_URL} (${(error as Error).message}). Start it with ` +
        '`service redis-server start` (or `redis-server --daemonize yes`), or point TEST_REDIS_URL at one.',
    )
  } finally {
    redis.disconnect()
  }
  try {
    execFileSync('redis-server', ['--version'], { stdio: 'ignore' })
  } catch {
    problems.push(
      'The `redis-server` program is missing; the outage test starts and stops one of its own. ' +
        'Install it with `apt-get install redis-server`.',
    )
  }
  // `npm run test:topology` exists to show the front cache works: a machine without it must not pass.
  const varnish = checkVarnish()
  if (!varnish.ok) problems.push(`Varnish: ${varnish.reason}`)
  return problems.length > 0 ? problems.join('\n') : null
}

/** A key prefix (REDIS_KEY_PREFIX) of a test's own, so tests and runs never read each other's entries. */
export function ownKeyPrefix(name: string): string {
  return `faxe-test-${name}-${randomBytes(4).toString('hex')}`
}

/** Removes every key under `prefix` (the entries and tag expirations a test wrote). */
export async function removeKeys(url: string, prefix: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000 })
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
      if (keys.length > 0) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}

/**
 * A Redis server of a test's own (`redis-server` in a temporary folder, saving only when told to), which it
 * may kill, pause and start again on the same port; the machine's Redis is never touched.
 */
export class OwnRedis {
  private process: ChildProcess | undefined

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), mkdtempSync(path.join(os.tmpdir(), 'faxe-redis-')))
    await redis.start()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}/0`
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      // Started in its folder, it loads the snapshot `snapshot()` left there (dump.rdb), if any.
      { cwd: this.dir, stdio: ['ignore', 'pipe', 'pipe'] },
    )
    this.process = child
    let output = ''
    await new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString()
        if (output.includes('Ready to accept connections')) resolve()
      }
      child.stdout?.on('data', onData)
      child.stderr?.on('data', onData)
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code}):\n${output}`)))
    })
  }

  /**
   * Writes what it holds to its folder, so that the next `start` comes back with it: like a Redis that
   * was out of reach for a while (a network partition) or restarted from a snapshot.
   */
  async snapshot(): Promise<void> {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 })
    try {
      await client.save()
    } finally {
      client.disconnect()
    }
  }

  /** Gone at once, like a crash: connections are refused, and what it held is lost unless snapshotted. */
  async kill(): Promise<void> {
    const child = this.process
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
    this.process = undefined
  }

  /** Still accepting connections but answering nothing (a hung or overloaded server); keeps its data. */
  pause(): void {
    this.process?.kill('SIGSTOP')
  }

  resume(): void {
    this.process?.kill('SIGCONT')
  }

  async stop(): Promise<void> {
    this.resume()
    await this.kill()
    rmSync(this.dir, { recursive: true, force: true })
  }
}

/** One app instance: scripts/serve.ts on a shared build, with its own port and log. */
export type Instance = RunningServer & { name: string }

/**
 * `count` instances of ONE build (a copy of the run's build as `next build` left it) on the run's
 * database, with `env` added (REDIS_URL, REDIS_KEY_PREFIX, FRONT_CACHE_URL, ...). Each runs the job
 * scheduler, as production instances do (scripts/lib/job-scheduler.ts).
 */
export async function startInstances(
  name: string,
  count: number,
  env: Record<string, string>,
): Promise<Instance[]> {
  const build = ownBuild(name)
  const instances: Instance[] = []
  for (let n = 0; n < count; n++) {
    const label = `${name}-${String.fromCharCode(97 + n)}`
    const server = await startOwnServer(label, env, build)
    instances.push({ ...server, name: label })
  }
  return instances
}

export async function stopInstances(instances: Instance[]): Promise<void> {
  await Promise.all(instances.map((instance) => instance.stop()))
}

/** How many of the instance's own log lines (lib/log.ts) have this event. */
export function countEvents(instance: RunningServer, event: string): number {
  return logEntries(instance).filter((entry) => entry.event === event).length
}

/** An editor made for the test (removed by `remove`), logged in over REST on one instance. */
export class Editor {
  private constructor(
    private readonly user: TestUser,
    private readonly token: string,
  ) {}

  static async login(instance: Instance): Promise<Editor> {
    const payload = await testPayload()
    const user = await createUser(payload, 'editor')
    const response = await fetch(`${instance.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: user.password }),
    })
    if (response.status !== 200) throw new Error(`login on ${instance.name}: ${response.status}`)
    return new Editor(user, ((await response.json()) as { token: string }).token)
  }

  /** A REST write as this editor; returns the document. */
  async write<T = { id: number | string; slug: string }>(
    instance: Instance,
    method: 'POST' | 'PATCH' | 'DELETE',
    pathname: string,
    body?: unknown,
  ): Promise<T> {
    const response = await fetch(`${instance.url}${pathname}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `JWT ${this.token}` },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await response.text()
    if (!response.ok) throw new Error(`${method} ${pathname} on ${instance.name}: ${response.status} ${text}`)
    return (JSON.parse(text) as { doc: T }).doc
  }

  async remove(): Promise<void> {
    await deleteUser(await testPayload(), this.user)
  }
}

export type Page = { status: number; body: string; cache: string | null }

/** An anonymous reader's GET, bounded so that a hung server fails the test instead of stalling it. */
export async function read(instance: Instance, pathname: string): Promise<Page> {
  const response = await fetch(`${instance.url}${pathname}`, {
    redirect: 'manual',
    signal: AbortSignal.timeout(15_000),
  })
  return {
    status: response.status,
    body: await response.text(),
    cache: response.headers.get('x-nextjs-cache'),
  }
}

/** A front cache on `port` in front of `backends` (URLs of instances). */
export function startFrontCache(port: number, backends: RunningServer[]): Promise<RunningVarnish> {
  return startVarnish({
    listen: `127.0.0.1:${port}`,
    backends: backends.map((backend) => new URL(backend.url).host),
    purgers: [],
    storage: '64M',
  })
}

export type RawAnswer = { status: number; headers: http.IncomingHttpHeaders; body: string }

/**
 * A request with full control over the method and the local address it comes from (fetch allows
 * neither PURGE from another address nor picking 127.0.0.2).
 */
export function rawRequest(
  url: string,
  {
    method = 'GET',
    headers = {},
    localAddress,
  }: { method?: string; headers?: Record<string, string>; localAddress?: string },
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress, agent: false }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
    })
    request.on('error', reject)
    request.end()
  })
}

export { freePort }
