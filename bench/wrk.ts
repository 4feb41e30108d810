import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { CONNECTIONS } from './load'

/**
 * The honest ceiling: `wrk` (C, two threads) against `nginx` serving the same bytes as the story page.
 * autocannon and the Node.js static server share the machine's two cores with the JavaScript load
 * generator, so that ceiling is capped by the generator and a share of it flatters the site. These are
 * Debian's `wrk` and `nginx-light`; without them the benchmark says so and reports the autocannon figures
 * only.
 */

export type WrkResult = {
  requestsPerSecond: number
  p50Ms: number
  p99Ms: number
  non2xx: number
  errors: number
}

export function wrkAndNginxInstalled(): { ok: true } | { ok: false; missing: string[] } {
  const missing = ['wrk', 'nginx'].filter(
    (command) =>
      spawnSync('sh', ['-c', `command -v ${command} || test -x /usr/sbin/${command}`]).status !== 0,
  )
  return missing.length ? { ok: false, missing } : { ok: true }
}

const nginxBinary = () =>
  spawnSync('sh', ['-c', 'command -v nginx']).status === 0 ? 'nginx' : '/usr/sbin/nginx'

/** wrk prints latencies as `1.23ms`, `812.00us` or `1.02s`. */
function toMs(value: string): number {
  const match = /^([\d.]+)(us|ms|s|m)$/.exec(value.trim())
  if (!match) throw new Error(`wrk printed a latency it cannot read: "${value}"`)
  const amount = Number(match[1])
  return { us: amount / 1000, ms: amount, s: amount * 1000, m: amount * 60_000 }[
    match[2] as 'us' | 'ms' | 's' | 'm'
  ]
}

/** Reads what `wrk --latency` prints; exported for its unit test. */
export function parseWrk(output: string): WrkResult {
  const rps = /Requests\/sec:\s+([\d.]+)/.exec(output)
  const p50 = /^\s+50%\s+(\S+)/m.exec(output)
  const p99 = /^\s+99%\s+(\S+)/m.exec(output)
  if (!rps || !p50 || !p99) throw new Error(`wrk's output could not be read:\n${output}`)
  const non2xx = /Non-2xx or 3xx responses:\s+(\d+)/.exec(output)
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output)
  return {
    requestsPerSecond: Number(rps[1]),
    p50Ms: toMs(p50[1] as string),
    p99Ms: toMs(p99[1] as string),
    non2xx: non2xx ? Number(non2xx[1]) : 0,
    errors: socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
  }
}

/** `seconds` of `wrk -t2 -c<CONNECTIONS>` against a GET of `url`. */
export async function wrk(url: string, seconds: number): Promise<WrkResult> {
  const { stdout } = await promisify(execFile)(
    'wrk',
    [
      '-t2',
      `-c${CONNECTIONS}`,
      `-d${Math.max(1, Math.round(seconds))}s`,
      '--latency',
      '--timeout',
      '10s',
      url,
    ],
    { maxBuffer: 1024 * 1024 },
  )
  return parseWrk(stdout)
}

/**
 * nginx in the foreground on 127.0.0.1:`port`, answering every path with `file` (the story page's HTML),
 * from a configuration and scratch folders of its own in `dir`.
 */
export async function startNginx(
  file: string,
  dir: string,
  port: number,
): Promise<{ url: string; process: ChildProcess; stop: () => void }> {
  const conf = path.join(dir, 'nginx.conf')
  for (const sub of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'])
    mkdirSync(path.join(dir, sub), { recursive: true })
  writeFileSync(
    conf,
    [
      // Run as root (CI): the workers would otherwise be `nobody`, who cannot read the private temp folder.
      process.getuid?.() === 0 ? 'user root;' : '',
      'daemon off;',
      'worker_processes 2;',
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/error.log warn;`,
      'events { worker_connections 1024; }',
      'http {',
      '  access_log off;',
      ...['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (sub) => `  ${sub === 'body' ? 'client_body' : sub}_temp_path ${dir}/${sub};`,
      ),
      `  server { listen 127.0.0.1:${port}; default_type "text/html; charset=utf-8";`,
      `    location / { root ${path.dirname(file)}; try_files /${path.basename(file)} =404; } }`,
      '}',
    ].join('\n'),
  )
  const child = spawn(nginxBinary(), ['-c', conf, '-p', dir], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const url = `http://127.0.0.1:${port}/`
  for (let attempt = 0; attempt < 100; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`)
    try {
      const response = await fetch(url)
      if (response.ok) return { url, process: child, stop: () => child.kill('SIGTERM') }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // SIGTERM, not SIGKILL: nginx's master stops its workers only when it is asked to stop.
  child.kill('SIGTERM')
  throw new Error(`nginx did not answer on ${url}: ${stderr}`)
}
