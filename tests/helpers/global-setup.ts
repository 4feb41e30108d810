import { createHash, randomBytes } from 'node:crypto'
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { parseDatabaseUri } from '@/lib/env'
import { type BuildTarget, checkBuild, runBuild } from '@/scripts/lib/build'
import { childEnv, freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'
import { type DatabaseKind, parseDatabaseKind, provision, type ProvisionedDatabase } from './provision'
import { runScript } from './scripts'

/**
 * Once per run, `npm start`'s steps on a fresh database of the kind `TEST_DATABASE` names (`sqlite` by
 * default; `npm run test:postgres` and `npm run test:mongodb` set it): migrate, seed, and start a
 * production server. Test files get the environment, the server's URL and the database kind via `inject`,
 * so every integration test runs on every kind without anything of its own.
 *
 * The production build is shared by every suite and every run (`npm test`, `test:postgres`,
 * `test:mongodb`, `test:e2e`, `test:faults`, `test:topology`): `next build` takes a minute or more, and it
 * used to run once per suite because each run's random database and port never matched the build's stamp.
 * Now the build's inputs are the same on every run, so the stamp (scripts/lib/build.ts) holds until the
 * sources change:
 * - the site address: the server listens on a port fixed for this checkout (`stableTestPort`), so SITE_URL,
 *   which the build bakes into robots.txt, is the same;
 * - the database: the build is made against a SQLite database of its own (`.next-test-database`), seeded
 *   afresh for each build, never against the run's. A run serves the build on its own database, as the
 *   tests that start a server on a copy of the build always have: a starting server expires every cache
 *   tag (scripts/lib/startup-expiry.ts), so each prerendered page is rendered afresh from the run's
 *   database on its first request, and the build database's pages are never served.
 * The build in `.next-test` is never served itself: each run serves a copy (`.next-test-<kind>`), so the
 * pages a server renders into its build folder never reach the next run, and `.next-test` stays the build
 * as `next build` left it.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    testEnv: Record<string, string>
    baseUrl: string
    databaseKind: DatabaseKind
    /** The production build the server runs (tests that start a second server use the same). */
    distDir: string
    /**
     * The same build as it left `next build`, before the run's server wrote rendered pages into it: for
     * tests that start a server on another database, which must not answer with pages of this one.
     */
    pristineDistDir: string
  }
}

/** The one test build, stamped, that every run copies (so `npm start`'s `.next` is never touched). */
export const TEST_BUILD_DIR = '.next-test'
/** The SQLite database (and media folder) the test build is made against; gone and seeded anew per build. */
const BUILD_DATABASE_DIR = '.next-test-database'

/** The copy of the test build a run on `kind` serves. */
export function testDistDir(kind: DatabaseKind): string {
  return `${TEST_BUILD_DIR}-${kind}`
}

/** This run's build folder, for tests that start a second server on it (same as `inject('distDir')`). */
export const TEST_DIST_DIR = testDistDir(parseDatabaseKind(process.env.TEST_DATABASE))

/**
 * The run's server port, the same on every run in this checkout: SITE_URL derives from it and the build
 * bakes SITE_URL in, so a random port would make every run build again. Derived from the checkout's path
 * (10000-29999, below Linux's ephemeral ports that `freePort` hands out), so two checkouts on one machine
 * rarely want the same one.
 */
export function stableTestPort(root = process.cwd()): number {
  return 10_000 + (createHash('sha256').update(root).digest().readUInt32BE(0) % 20_000)
}

/**
 * What the shared test build is made for: the build database and the run's SITE_URL. Nothing a run makes
 * anew (its database, a random port) is in it, so the next run of any suite finds the build current.
 */
export function testBuildTarget(siteUrl: string): BuildTarget {
  return { database: parseDatabaseUri(`file:${path.resolve(BUILD_DATABASE_DIR, 'build.db')}`), siteUrl }
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer()
    probe.unref()
    probe.once('error', () => resolve(false))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
  })
}

let server: RunningServer | undefined
let database: ProvisionedDatabase | undefined
let tempDir: string | undefined
let pristineDir: string | undefined

async function teardown(): Promise<void> {
  if (server) {
    // The server's own log, for a failure whose cause is on the server side (a 500's stack trace).
    const file = path.join(
      os.tmpdir(),
      `faxe-test-server-${parseDatabaseKind(process.env.TEST_DATABASE)}.log`,
    )
    writeFileSync(file, server.output())
    console.log(`[test setup] the test server's log: ${file}`)
  }
  await server?.stop()
  await database?.drop()
  if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  if (pristineDir) rmSync(pristineDir, { recursive: true, force: true })
}

/** Seeds the build database afresh and builds into TEST_BUILD_DIR against it, for `testEnv`'s SITE_URL. */
async function buildForTests(
  target: BuildTarget,
  testEnv: Record<string, string>,
  log: (line: string) => void,
): Promise<void> {
  rmSync(BUILD_DATABASE_DIR, { recursive: true, force: true })
  // SQLite makes the file, not the folder it goes in.
  mkdirSync(BUILD_DATABASE_DIR, { recursive: true })
  const buildEnv = {
    ...testEnv,
    DATABASE_URI: target.database.url,
    MEDIA_DIR: path.resolve(BUILD_DATABASE_DIR, 'media'),
  }
  const seeded = await runScript('seed', [], buildEnv)
  if (seeded.code !== 0) {
    throw new Error(`seeding the build database failed (exit ${seeded.code}):\n${seeded.output}`)
  }
  const lines: string[] = []
  const started = Date.now()
  try {
    await runBuild(TEST_BUILD_DIR, target, childEnv(buildEnv), (line) => lines.push(line))
  } catch (error) {
    console.error(lines.join('\n'))
    throw error
  }
  log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = parseDatabaseKind(process.env.TEST_DATABASE)
  const started = Date.now()
  const log = (line: string) => console.log(`[test setup] ${line}`)
  try {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-test-'))
    database = await provision(kind)
    log(`database: ${database.description}`)
    const preferredPort = stableTestPort()
    const port = (await portIsFree(preferredPort)) ? preferredPort : await freePort()
    if (port !== preferredPort) {
      log(`port ${preferredPort} is taken: serving on ${port}, a SITE_URL the shared build was not made for`)
    }
    const testEnv = {
      DATABASE_URI: database.uri,
      MEDIA_DIR: path.join(tempDir, 'media'),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      SITE_URL: `http://127.0.0.1:${port}`,
      PORT: String(port),
      // One origin that may read the API from a browser (tests/int/api-contract.int.test.ts).
      CORS_ORIGINS: 'https://app.example.org',
      // Tests act as several clients by sending X-Forwarded-For (tests/int/accounts.int.test.ts); without a
      // client address header every request counts against 127.0.0.1's login rate limit.
      CLIENT_IP_HEADER: 'x-forwarded-for',
      // The sitemap splits into an index past this many URLs (50,000 in production); the seed site has
      // more than 10, so tests/int/feeds.int.test.ts sees the split.
      SITEMAP_URL_LIMIT: '10',
    }
    Object.assign(process.env, testEnv)

    const { loadEnv } = await import('@/lib/env')
    const env = loadEnv()
    const { openPayload, migrateDatabase } = await import('@/scripts/lib/database')
    const { seed } = await import('@/seeds/load')
    const payload = await openPayload()
    log(`migrating and seeding the ${env.database.kind} database`)
    await migrateDatabase(payload, env)
    await seed(payload)
    await payload.destroy()

    const target = testBuildTarget(env.siteUrl)
    const build = checkBuild(TEST_BUILD_DIR, target)
    if (build.current) {
      log(`reusing the test build in ${TEST_BUILD_DIR} (same sources and SITE_URL)`)
    } else {
      log(`building the app into ${TEST_BUILD_DIR} (${build.reason}) …`)
      await buildForTests(target, testEnv, log)
    }
    // The run serves a copy, and tests that start a server on another database copy the pristine one;
    // without `cache`, which holds what `next build` cached from the build database.
    const distDir = testDistDir(kind)
    pristineDir = `${distDir}-pristine`
    for (const copy of [distDir, pristineDir]) {
      rmSync(copy, { recursive: true, force: true })
      cpSync(TEST_BUILD_DIR, copy, {
        recursive: true,
        filter: (file) => !file.startsWith(path.join(TEST_BUILD_DIR, 'cache')),
      })
    }
    log(`starting the production server on port ${port}`)
    server = await startNextServer(distDir, testEnv, port)
    log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)

    project.provide('testEnv', testEnv)
    project.provide('baseUrl', server.url)
    project.provide('databaseKind', kind)
    project.provide('distDir', distDir)
    project.provide('pristineDistDir', pristineDir)
  } catch (error) {
    await teardown()
    throw error
  }
  return teardown
}
