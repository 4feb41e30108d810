import { type ChildProcess, spawn } from 'node:child_process'
import net from 'node:net'
import path from 'node:path'
import { waitForServer } from './build'

/** A free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.unref()
    server.on('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      )
    })
  })
}

/** The environment a child Next.js process gets: ours, without the Node flags meant for the test runner. */
export function childEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra, NEXT_TELEMETRY_DISABLED: '1' }
  delete env.NODE_OPTIONS
  delete env.VITEST
  delete env.VITEST_POOL_ID
  delete env.VITEST_WORKER_ID
  return env
}

export type RunningServer = {
  url: string
  process: ChildProcess
  stop: () => Promise<void>
  output: () => string
}

/** The command that serves a production build (scripts/serve.ts), as arguments to `node`. */
export function serveArgs(port: number, hostname?: string): string[] {
  const script = path.join(process.cwd(), 'scripts', 'serve.ts')
  return ['--import', 'tsx', script, '-p', String(port), ...(hostname ? ['-H', hostname] : [])]
}

/** Starts the production server (scripts/serve.ts) on the given build and waits until it answers. */
export async function startNextServer(
  distDir: string,
  env: Record<string, string | undefined>,
  port: number,
): Promise<RunningServer> {
  const child = spawn(process.execPath, serveArgs(port, '127.0.0.1'), {
    env: childEnv({ ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, PORT: String(port) }),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()))
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()))
  let alive = true
  child.on('exit', () => (alive = false))
  const url = `http://127.0.0.1:${port}`
  try {
    await waitForServer(`${url}/`, 60_000, () => alive)
  } catch (error) {
    child.kill('SIGKILL')
    throw new Error(`${(error as Error).message}\n--- server output ---\n${log}`)
  }
  return {
    url,
    process: child,
    output: () => log,
    stop: () => stopChild(child),
  }
}

/**
 * Stops a server this process started: SIGTERM, then SIGKILL if it has not exited within 5 s; resolves once
 * it has exited (at once if it already had). The Next.js server here and the tests' database servers
 * (tests/helpers/provision.ts) stop alike.
 */
export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve()
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
    setTimeout(() => child.kill('SIGKILL'), 5000).unref()
  })
}
