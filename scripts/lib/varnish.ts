import { type ChildProcess, spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

/**
 * The front cache: Debian's Varnish (`varnishd`) with the `xkey` vmod of `varnish-modules`, configured
 * from ops/varnish/faxe.vcl.template. Used by `npm run front-cache`, the topology tests and the benchmark.
 */

export const VCL_TEMPLATE = path.join(process.cwd(), 'ops', 'varnish', 'faxe.vcl.template')

export const INSTALL_HINT = 'install them with: apt-get install varnish varnish-modules'

const hostPort = z
  .string()
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/, 'must be host:port, e.g. 127.0.0.1:3000')
  .refine((value) => {
    const port = /:(\d+)$/.exec(value)?.[1]
    return port === undefined || (Number(port) >= 1 && Number(port) <= 65535)
  }, 'the port must be between 1 and 65535')

/** An address allowed to purge: an IP address or a network in CIDR form (Varnish ACL syntax). */
const purger = z.string().refine((value) => {
  const [address, bits, ...rest] = value.split('/')
  if (rest.length > 0 || !address || net.isIP(address) === 0) return false
  if (bits === undefined) return true
  const max = net.isIPv6(address) ? 128 : 32
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max
}, 'must be an IP address or a network such as 10.0.0.0/24')

export const frontCacheOptions = z.object({
  listen: hostPort,
  backends: z.array(hostPort).min(1, 'give at least one --backend host:port'),
  purgers: z.array(purger).default([]),
  /** Memory for cached objects (varnishd `-s malloc,<size>`). */
  storage: z
    .string()
    .regex(/^\d+[KMG]$/, 'must be a size such as 256M')
    .default('256M'),
  /**
   * A balancer only: every request passes to the instances, nothing is cached (the benchmark measures
   * the instances behind Varnish this way).
   */
  passAll: z.boolean().default(false),
})
export type FrontCacheOptions = z.input<typeof frontCacheOptions>

function splitHostPort(value: string): { host: string; port: string } {
  const at = value.lastIndexOf(':')
  return { host: value.slice(0, at).replace(/^\[|\]$/g, ''), port: value.slice(at + 1) }
}

/** The VCL for these backends and purgers, from the committed template. */
export function renderVcl(options: { backends: string[]; purgers?: string[]; passAll?: boolean }): string {
  const template = readFileSync(VCL_TEMPLATE, 'utf8')
  const backends = options.backends
    .map((backend, i) => {
      const { host, port } = splitHostPort(backend)
      return [
        `backend app${i} {`,
        `    .host = "${host}";`,
        `    .port = "${port}";`,
        '    .probe = app_health;',
        // A cache miss renders a page; generous, so a slow first render is not taken for an outage.
        '    .first_byte_timeout = 30s;',
        '}',
      ].join('\n')
    })
    .join('\n\n')
  const director = options.backends.map((_, i) => `    app.add_backend(app${i});`).join('\n')
  const purgers = (options.purgers ?? [])
    .map((entry) => {
      const [address, bits] = entry.split('/')
      return `    "${address}"${bits === undefined ? '' : `/${bits}`};`
    })
    .join('\n')
  return template
    .replace('{{BACKENDS}}', backends)
    .replace('{{DIRECTOR}}', director)
    .replace('{{PURGERS}}', purgers)
    .replace(
      '{{PASS_ALL}}',
      options.passAll ? '    # --pass-all: a balancer, no cache.\n    return (pass);' : '',
    )
}

export type VarnishCheck = { ok: true; varnishd: string } | { ok: false; reason: string }

function findVarnishd(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v varnishd || ls /usr/sbin/varnishd'], {
    encoding: 'utf8',
  })
  const first = found.stdout.split('\n')[0]?.trim()
  return found.status === 0 && first ? first : undefined
}

/**
 * Whether varnishd is installed and compiles our VCL, which imports `xkey`: a missing vmod is reported
 * by name with the command that installs it.
 */
export function checkVarnish(): VarnishCheck {
  const varnishd = findVarnishd()
  if (!varnishd) return { ok: false, reason: `varnishd is not installed (${INSTALL_HINT})` }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-varnish-check-'))
  try {
    // Started as root, varnishd compiles the VCL as its own unprivileged user.
    chmodSync(dir, 0o755)
    const vcl = path.join(dir, 'check.vcl')
    writeFileSync(vcl, renderVcl({ backends: ['127.0.0.1:9'], purgers: [] }), { mode: 0o644 })
    const compiled = spawnSync(varnishd, ['-C', '-f', vcl, '-n', path.join(dir, 'n')], { encoding: 'utf8' })
    if (compiled.status === 0) return { ok: true, varnishd }
    const output = `${compiled.stderr}${compiled.stdout}`
    if (/xkey/i.test(output) && /(could not (find|load|open)|not found|no such file)/i.test(output)) {
      return { ok: false, reason: `the xkey vmod (varnish-modules) is not installed (${INSTALL_HINT})` }
    }
    return { ok: false, reason: `varnishd could not compile the VCL:\n${output.trim().slice(-2000)}` }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export type RunningVarnish = {
  url: string
  process: ChildProcess
  output: () => string
  /** SIGTERM, then SIGKILL after 5 s; removes the working directory. */
  stop: () => Promise<void>
}

/**
 * Writes the VCL into a temporary working directory and runs `varnishd -F` (foreground) with it; resolves
 * once the listen address accepts connections.
 */
export async function startVarnish(
  given: FrontCacheOptions,
  { stdio = 'pipe' }: { stdio?: 'pipe' | 'inherit' } = {},
): Promise<RunningVarnish> {
  const options = frontCacheOptions.parse(given)
  const check = checkVarnish()
  if (!check.ok) throw new Error(check.reason)
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-varnish-'))
  // Started as root, varnishd compiles and runs the VCL as its own unprivileged user: it must read it.
  chmodSync(dir, 0o755)
  const vcl = path.join(dir, 'faxe.vcl')
  writeFileSync(vcl, renderVcl(options), { mode: 0o644 })
  const child = spawn(
    check.varnishd,
    [
      '-F',
      '-n',
      path.join(dir, 'instance'),
      '-a',
      options.listen,
      '-f',
      vcl,
      '-s',
      `malloc,${options.storage}`,
      // No management port: the process is controlled by its signals.
      '-T',
      'none',
      // The app compresses itself; the VCL keeps its gzip and plain answers as separate variants.
      '-p',
      'http_gzip_support=off',
    ],
    { stdio: ['ignore', stdio, stdio] },
  )
  let log = ''
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  let alive = true
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => {
      alive = false
      resolve()
    }),
  )
  const stop = async () => {
    if (alive) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
      await exited
      clearTimeout(timer)
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const { host, port } = splitHostPort(options.listen)
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  for (let attempt = 0; ; attempt++) {
    if (!alive) {
      await stop()
      throw new Error(`varnishd exited:\n${log}`)
    }
    if (await accepts(host, Number(port))) break
    if (attempt > 150) {
      await stop()
      throw new Error(`varnishd did not listen on ${options.listen} within 15 s:\n${log}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { url, process: child, output: () => log, stop }
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}
