import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import type { DatabaseConfig } from '@/lib/env'

/**
 * "Build if needed": a production build is reused only when it was made from the same sources, against
 * the same database and for the same site address. The database matters because Next.js prerenders the
 * static pages (the home page) at build time from it; a build made from another database would serve its
 * content. The address (SITE_URL) matters because the build bakes it in: next.config.ts decides the HSTS
 * header from it, and robots.txt, prerendered without a cache tag, names the sitemap on it.
 *
 * The test set-up shares one build between every suite and run by keeping both the same from run to run:
 * a database of the build's own and a SITE_URL on a port fixed for the checkout (tests/helpers/global-setup.ts).
 */

const ROOT = process.cwd()
/** Next.js compiles every file under app/ (the router) and these root files; the rest it reaches by import. */
const ENTRY_DIRS = ['app']
const ENTRY_FILES = ['next.config.ts', 'proxy.ts', 'instrumentation.ts', 'payload.config.ts']
/** Inputs of the build that are not imported: the files it copies and what decides the dependencies. */
const INPUT_DIRS = ['public']
const INPUT_FILES = ['package-lock.json', 'tsconfig.json']
const STAMP_FILE = 'faxe-build.json'
const SCRIPT = /\.(c|m)?[jt]sx?$/

type Stamp = { sources: string; database: string; siteUrl: string }

/** What a build is made for: the database it prerenders from and the public address it bakes in. */
export type BuildTarget = { database: DatabaseConfig; siteUrl: string }

function listFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : [full]
    })
}

/**
 * The project files `next build` compiles: the entry points and everything they import, followed with
 * TypeScript's own module resolution and the tsconfig's path aliases. Derived rather than listed by hand,
 * so a file added anywhere (a new folder, a root file like proxy.ts) rebuilds when it is edited, and a test
 * or a script that the site never imports does not.
 */
export function compiledFiles(root = ROOT): string[] {
  const configPath = path.join(root, 'tsconfig.json')
  const { config } = ts.readConfigFile(configPath, ts.sys.readFile)
  const { options } = ts.parseJsonConfigFileContent(config, ts.sys, root)
  const inProject = (file: string) =>
    file.startsWith(root + path.sep) && !file.includes(`${path.sep}node_modules${path.sep}`)
  const seen = new Set<string>()
  const queue = [
    ...ENTRY_DIRS.flatMap((dir) => listFiles(path.join(root, dir))),
    ...ENTRY_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ]
  while (queue.length > 0) {
    const file = queue.pop() as string
    if (seen.has(file)) continue
    seen.add(file)
    if (!SCRIPT.test(file)) continue
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    for (const { fileName: specifier } of importedFiles) {
      const resolved = ts.resolveModuleName(specifier, file, options, ts.sys).resolvedModule
      if (resolved && !resolved.isExternalLibraryImport) {
        const target = path.resolve(resolved.resolvedFileName)
        if (inProject(target)) queue.push(target)
        continue
      }
      // Stylesheets and other assets: TypeScript does not resolve them, the bundler does.
      const asset = specifier.startsWith('@/')
        ? path.join(root, specifier.slice(2))
        : specifier.startsWith('.')
          ? path.resolve(path.dirname(file), specifier)
          : undefined
      if (asset && inProject(asset) && existsSync(asset) && statSync(asset).isFile()) queue.push(asset)
    }
  }
  return [...seen].sort()
}

export function sourceHash(root = ROOT): string {
  const hash = createHash('sha256')
  const files = [
    ...new Set([
      ...compiledFiles(root),
      ...INPUT_DIRS.flatMap((dir) => listFiles(path.join(root, dir))),
      ...INPUT_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
    ]),
  ].sort()
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

export function checkBuild(distDir: string, { database, siteUrl }: BuildTarget): BuildCheck {
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
  if (stamp.siteUrl !== siteUrl) {
    return { current: false, reason: `the last build was made for another SITE_URL than ${siteUrl}` }
  }
  return { current: true }
}

/**
 * After the database was replaced (npm run restore): the build's data cache and the pages it prerendered
 * came from the old content, so the cache goes and, with the stamp, the build: npm start rebuilds.
 * Returns what it removed.
 */
export function invalidateBuild(distDir: string): string[] {
  const dir = path.resolve(ROOT, distDir)
  return [path.join(dir, 'cache'), path.join(dir, STAMP_FILE)]
    .filter((target) => existsSync(target))
    .map((target) => {
      rmSync(target, { recursive: true, force: true })
      return target.startsWith(ROOT + path.sep) ? path.relative(ROOT, target) : target
    })
}

/** Runs `next build`, streaming its output, and stamps the result. */
export async function runBuild(
  distDir: string,
  { database, siteUrl }: BuildTarget,
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
      env: {
        ...env,
        // The address the stamp records, also when it was derived from PORT rather than set.
        SITE_URL: siteUrl,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: '1',
      },
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
  const stamp: Stamp = { sources, database: databaseIdentity(database), siteUrl }
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
      // A 503 is the server's own answer while the database is unavailable (scripts/lib/http-server.ts):
      // it is up. Every server start expires the cached pages (scripts/lib/startup-expiry.ts), so with the
      // database down even the home page answers 503 until it is back.
      if (response.status < 500 || response.status === 503) return
      lastError = new Error(`HTTP ${response.status}`)
    } catch (error) {
      lastError = error
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  throw new Error(`the server did not answer at ${url} within ${timeoutMs / 1000} s (${String(lastError)})`)
}
