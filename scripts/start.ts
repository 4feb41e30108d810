/**
 * `npm start`: validate the environment, apply pending migrations, seed an empty database, build if the
 * build is missing or stale, then serve. One line per step, and the URLs at the end.
 */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { emailStatusLine, EnvError, loadEnv, mediaStorageLine } from '@/lib/env'
import { checkBuild, runBuild, waitForServer } from './lib/build'
import { checkMedia, describeMediaCheck } from './lib/media-orphans'
import { serveArgs } from './lib/server'

const DIST_DIR = process.env.NEXT_DIST_DIR || '.next'
const started = Date.now()
const step = (message: string) => console.log(`[start] ${message}`)
const seconds = () => `${((Date.now() - started) / 1000).toFixed(1)} s`

async function main(): Promise<void> {
  // Serving is always a production server; `npm run dev` is the development one.
  Object.assign(process.env, { NODE_ENV: 'production' })

  step('Checking the environment …')
  const env = loadEnv()
  step(
    `  database: ${env.database.kind}${env.database.kind === 'sqlite' ? ` (${path.relative(process.cwd(), env.database.file)})` : ''}`,
  )
  step(`  site URL: ${env.siteUrl}`)
  step(`  ${emailStatusLine(env.email)}`)
  step(`  ${mediaStorageLine(env)}`)

  const { openPayload, migrateDatabase, seedIfEmpty } = await import('./lib/database')
  const payload = await openPayload()
  step('Applying pending migrations …')
  await migrateDatabase(payload, env)

  step('Checking for content …')
  const seeded = await seedIfEmpty(payload, (line) => step(line))
  step(
    seeded
      ? `  seeded the story: ${seeded.created} documents written`
      : '  the database has stories; not seeding',
  )
  step('Checking uploaded files …')
  for (const line of describeMediaCheck(await checkMedia(payload, env))) step(`  ${line}`)
  await payload.destroy()

  const build = checkBuild(DIST_DIR, env)
  if (!build.current || seeded) {
    step(
      `Building the site (${build.current ? 'new content was seeded' : build.reason}); this takes about a minute …`,
    )
    await runBuild(DIST_DIR, env, process.env, (line) => console.log(`  | ${line}`))
    step(`  built in ${seconds()}`)
  } else {
    step('Using the existing production build')
  }

  step(`Starting the server on port ${env.port} …`)
  const server = spawn(process.execPath, serveArgs(env.port), {
    env: { ...process.env, NODE_ENV: 'production', NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: '1' },
    stdio: 'inherit',
  })
  let alive = true
  server.on('exit', (code, signal) => {
    alive = false
    process.exitCode = code ?? (signal ? 1 : 0)
  })
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => server.kill(signal))
  }
  await waitForServer(`http://127.0.0.1:${env.port}/`, 120_000, () => alive)
  step(`Ready after ${seconds()}`)
  step(`  Site:  ${env.siteUrl}/`)
  step(`  Admin: ${env.siteUrl}/admin`)
}

main().catch((error: unknown) => {
  if (error instanceof EnvError) {
    console.error(`[start] Cannot start: ${error.message}`)
  } else {
    console.error('[start] Failed:', error instanceof Error ? error.message : error)
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
  }
  process.exit(1)
})
