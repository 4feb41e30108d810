import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * What the fault tests share: servers of their own (on a copy of the run's build as `next build` left it,
 * so no page another server rendered is served, see tests/int/db-copy.int.test.ts), and readers of the
 * server's log lines.
 */

const builds: string[] = []

export function ownBuild(name: string): string {
  const dir = `${inject('distDir')}-${name}-${process.pid}`
  rmSync(dir, { recursive: true, force: true })
  cpSync(path.resolve(inject('pristineDistDir')), dir, { recursive: true })
  builds.push(dir)
  return dir
}

export function removeBuilds(): void {
  for (const dir of builds.splice(0)) rmSync(dir, { recursive: true, force: true })
}

/** A server on its own copy of the build; the environment is the run's unless `env` says otherwise. */
export async function startOwnServer(
  name: string,
  env: Record<string, string> = {},
  distDir = ownBuild(name),
): Promise<RunningServer> {
  const port = await freePort()
  return startNextServer(
    distDir,
    { ...inject('testEnv'), SITE_URL: `http://127.0.0.1:${port}`, PORT: String(port), ...env },
    port,
  )
}

/** The server's own JSON log lines (lib/log.ts), parsed; everything else it printed is left out. */
export function logEntries(server: RunningServer): Record<string, unknown>[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{"time":'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
}

/** An HTML page as the server sent it all: the document's end is there. */
export function isCompleteHtml(body: string): boolean {
  return body.trimEnd().endsWith('</html>')
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** A process of its own holding an exclusive transaction on the file until told to roll back. */
export function holdExclusiveLock(file: string): Promise<ChildProcessWithoutNullStreams> {
  const script = `
    import { createClient } from '@libsql/client'
    const client = createClient({ url: ${JSON.stringify(`file:${file}`)} })
    await client.execute('BEGIN EXCLUSIVE')
    console.log('locked')
    process.stdin.once('data', async () => {
      await client.execute('ROLLBACK')
      console.log('released')
      process.exit(0)
    })
  `
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: process.cwd() })
  return new Promise((resolve, reject) => {
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('locked')) resolve(child)
    })
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('exit', (code) => reject(new Error(`the lock holder exited (${code}): ${output}`)))
  })
}

export function release(child: ChildProcessWithoutNullStreams): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.stdin.write('\n')
  })
}

/**
 * A site of a test's own (its database, media folder and copy of the build) that can be killed and
 * started again, logged in as the seeded administrator.
 */
export class OwnSite {
  server: RunningServer | undefined
  token = ''
  readonly build: string

  constructor(
    private readonly name: string,
    readonly env: Record<string, string>,
    private readonly admin: { email: string; password: string },
  ) {
    this.build = ownBuild(name)
  }

  get url(): string {
    if (!this.server) throw new Error(`${this.name}: the server is not running`)
    return this.server.url
  }

  async start(): Promise<RunningServer> {
    const server = await startOwnServer(this.name, this.env, this.build)
    this.server = server
    // Every start treats what the caches hold as expired (scripts/lib/startup-expiry.ts); after a kill
    // that is what keeps the page from showing the version before the commit.
    if (!logEntries(server).some((entry) => entry.event === 'caches-expired')) {
      throw new Error(`${this.name}: the server did not expire its caches at start`)
    }
    const login = await fetch(`${this.server.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(this.admin),
    })
    if (login.status !== 200) throw new Error(`${this.name}: login answered ${login.status}`)
    this.token = ((await login.json()) as { token: string }).token
    return this.server
  }

  /** SIGKILL after `delayMs`: no handler runs, nothing is flushed, as with `kill -9` or a power cut. */
  async killAfter(delayMs: number): Promise<void> {
    const running = this.server
    if (!running) throw new Error(`${this.name}: the server is not running`)
    const exited = new Promise((resolve) => running.process.once('exit', resolve))
    await pause(delayMs)
    running.process.kill('SIGKILL')
    await exited
    this.server = undefined
  }

  async stop(): Promise<void> {
    await this.server?.stop()
    this.server = undefined
  }

  api(pathname: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.url}${pathname}`, {
      ...init,
      headers: { 'content-type': 'application/json', authorization: `JWT ${this.token}`, ...init.headers },
    })
  }

  async json<T>(pathname: string): Promise<T> {
    const response = await this.api(pathname)
    if (response.status !== 200) throw new Error(`${pathname} answered ${response.status}`)
    return (await response.json()) as T
  }
}
