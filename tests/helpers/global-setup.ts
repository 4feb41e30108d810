import { randomBytes } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { checkBuild, runBuild } from '@/scripts/lib/build'
import { childEnv, freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * Once per `npm test`: a fresh temporary SQLite database, migrated and seeded; a production build of the
 * app made against it (in `.next-test`, so the build `npm start` serves is never touched); and a
 * production server on a free port. Test files get the environment and the server's URL via `inject`.
 */

declare module 'vitest' {
  export interface ProvidedContext {
    testEnv: Record<string, string>
    baseUrl: string
  }
}

export const TEST_DIST_DIR = '.next-test'

let server: RunningServer | undefined
let tempDir: string | undefined

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-test-'))
  const port = await freePort()
  const testEnv = {
    DATABASE_URI: `file:${path.join(tempDir, 'test.db')}`,
    MEDIA_DIR: path.join(tempDir, 'media'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SITE_URL: `http://127.0.0.1:${port}`,
    PORT: String(port),
    // One origin that may read the API from a browser (tests/int/api-contract.int.test.ts).
    CORS_ORIGINS: 'https://app.example.org',
    // Tests act as several clients by sending X-Forwarded-For (tests/int/accounts.int.test.ts); without a
    // client address header every request counts against 127.0.0.1's login rate limit.
    CLIENT_IP_HEADER: 'x-forwarded-for',
  }
  Object.assign(process.env, testEnv)
  const started = Date.now()
  const log = (line: string) => console.log(`[test setup] ${line}`)

  const { loadEnv } = await import('@/lib/env')
  const env = loadEnv()
  const { openPayload, migrateDatabase } = await import('@/scripts/lib/database')
  const { seed } = await import('@/seeds/load')
  const payload = await openPayload()
  log(`migrating and seeding ${env.database.kind} database in ${tempDir}`)
  await migrateDatabase(payload, env)
  await seed(payload)
  await payload.destroy()

  const build = checkBuild(TEST_DIST_DIR, env.database)
  if (!build.current) {
    log(`building the app into ${TEST_DIST_DIR} (${build.reason}) …`)
    const lines: string[] = []
    try {
      await runBuild(TEST_DIST_DIR, env.database, childEnv(testEnv), (line) => lines.push(line))
    } catch (error) {
      console.error(lines.join('\n'))
      throw error
    }
  }
  log(`starting the production server on port ${port}`)
  server = await startNextServer(TEST_DIST_DIR, testEnv, port)
  log(`ready after ${((Date.now() - started) / 1000).toFixed(1)} s`)

  project.provide('testEnv', testEnv)
  project.provide('baseUrl', server.url)

  return async () => {
    await server?.stop()
    if (tempDir) rmSync(tempDir, { recursive: true, force: true })
  }
}
