import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { DatabaseConfig } from '@/lib/env'

/**
 * "Build if needed": a production build is reused only when it was made from the same sources and against
 * the same database. The second condition matters because Next.js prerenders the static pages (the home
 * page) at build time from the database; a build made from another database would serve its content.
 */

const ROOT = process.cwd()
const SOURCE_DIRS = [
  'app',
  'collections',
  'components',
  'globals',
  'access',
  'fields',
  'lib',
  'public',
  'migrations',
]
const SOURCE_FILES = [
  'payload.config.ts',
  'next.config.ts',
  'payload-types.ts',
  'package-lock.json',
  'tsconfig.json',
]
const STAMP_FILE = 'faxe-build.json'

type Stamp = { sources: string; database: string }

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : [full]
    })
}

export function sourceHash(root = ROOT): string {
  const hash = createHash('sha256')
  const files = [
    ...SOURCE_DIRS.flatMap((d) => listFiles(path.join(root, d))),
    ...SOURCE_FILES.map((f) => path.join(root, f)).filter((f) => existsSync(f) && statSync(f).isFile()),
  ]
  for (const file of files) {
    hash.update(path.relative(root, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** Which database a build was made against, without its password. */
export function databaseIdentity(database: DatabaseConfig): string {
  if (database.kind === 'sqlite') return `sqlite:${database.file}`
  return `${database.kind}:${database.url.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1@')}`
}

export type BuildCheck = { current: true } | { current: false; reason: string }

export function checkBuild(distDir: string, database: DatabaseConfig): BuildCheck {
  const dir = path.resolve(ROOT, distDir)
  if (!existsSync(path.join(dir, 'BUILD_ID'))) return { current: false, reason: 'no production build yet' }
  let stamp: Stamp
  try {
    stamp = JSON.parse(readFileSync(path.join(dir, STAMP_FILE), 'utf8')) as Stamp
  } catch {
    return { current: false, reason: 'the build has no stamp (made outside npm start)' }
  }
  if (stamp.sources !== sourceHash())
    return { current: false, reason: 'the sources changed since the last build' }
  if (stamp.database !== databaseIdentity(database)) {
    return { current: false, reason: 'the last build was made against another database' }
  }
  return { current: true }
}

/** Runs `next build`, streaming its output, and stamps the result. */
export async function runBuild(
  distDir: string,
  database: DatabaseConfig,
  env: Record<string, string | undefined>,
  onLine: (line: string) => void,
): Promise<void> {
  const sources = sourceHash()
  // `next build` keeps <distDir>/cache, where unstable_cache keeps page data across builds. That data
  // came from the database of the previous build, so it goes with it.
  rmSync(path.join(ROOT, distDir, 'cache', 'fetch-cache'), { recursive: true, force: true })
  const nextBin = path.join(ROOT, 'node_modules', 'next', 'dist', 'bin', 'next')
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [nextBin, 'build'], {
      cwd: ROOT,
      env: { ...env, NODE_ENV: 'production', NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const forward = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) if (line.trim()) onLine(line)
    }
    child.stdout.on('data', forward)
    child.stderr.on('data', forward)
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build exited with code ${code}`)),
    )
  })
  const stamp: Stamp = { sources, database: databaseIdentity(database) }
  writeFileSync(path.join(ROOT, distDir, STAMP_FILE), JSON.stringify(stamp, null, 2))
}

/** Resolves once `url` answers (any status below 500), or rejects after `timeoutMs`. */
export async function waitForServer(url: string, timeoutMs: number, isAlive: () => boolean): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error('the server process exited before it was ready')
    try {
      const response = await fetch(url, { redirect: 'manual' })
      if (response.status < 500) return
      lastError = new Error(`HTTP ${response.status}`)
    } catch (error) {
      lastError = error
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 1000} s (${String(lastError)})`)
}
