import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { checkBuild, runBuild } from '@/scripts/lib/build'
import { childEnv, freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'
import { type DatabaseKind, parseDatabaseKind, provision, type ProvisionedDatabase } from './provision'

/**
 * Once per run, `npm start`'s steps on a fresh database of the kind `TEST_DATABASE` names (`sqlite` by
 * default; `npm run test:postgres` and `npm run test:mongodb` set it): migrate, seed, build the app against
 * it (in `.next-test`, or `.next-test-<kind>`, so the build `npm start` serves is never touched) and start a
 * production server on a free port. Test files get the environment, the server's URL and the database kind
 * via `inject`, so every integration test runs on every kind without anything of its own.
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

/** The build folder of a run on `kind`. SQLite keeps the historical `.next-test`. */
export function testDistDir(kind: DatabaseKind): string {
  return kind === 'sqlite' ? '.next-test' : `.next-test-${kind}`
}

/** This run's build folder, for tests that start a second server on it (same as `inject('distDir')`). */
export const TEST_DIST_DIR = testDistDir(parseDatabaseKind(process.env.TEST_DATABASE))

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

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const kind = parseDatabaseKind(process.env.TEST_DATABASE)
  const started = Date.now()
  const log = (line: string) => console.log(`[test setup] ${line}`)
  try {
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-test-'))
    database = await provision(kind)
    log(`database: ${database.description}`)
    const port = await freePort()
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

    const distDir = testDistDir(kind)
    const build = checkBuild(distDir, env)
    if (!build.current) {
      log(`building the app into ${distDir} (${build.reason}) …`)
      const lines: string[] = []
      try {
        await runBuild(distDir, env, childEnv(testEnv), (line) => lines.push(line))
      } catch (error) {
        console.error(lines.join('\n'))
        throw error
      }
    }
    log(`starting the production server on port ${port}`)
    // Next.js writes re-rendered prerendered pages into <distDir>/server; copied before the server starts.
    pristineDir = `${distDir}-pristine`
    rmSync(pristineDir, { recursive: true, force: true })
    cpSync(distDir, pristineDir, {
      recursive: true,
      filter: (file) => !file.startsWith(path.join(distDir, 'cache')),
    })
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
