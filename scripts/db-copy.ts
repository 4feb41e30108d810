/**
 * `npm run db:copy -- --to <DATABASE_URI>`: copies everything from the configured database (DATABASE_URI,
 * by default the embedded SQLite file) into an empty database of any kind, e.g. from SQLite to PostgreSQL
 * when the site grows. Media files stay where they are (MEDIA_DIR); only their documents move.
 *
 * 1. The target's migrations are applied, and a target that has any content is refused (nothing written).
 * 2. Everything is read from the source (scripts/lib/copy.ts says what and how).
 * 3. It is written into the target with new ids, collection by collection, with progress.
 * 4. Every count (documents, versions) is compared between source and target.
 *
 * Each database is opened in a process of its own: Payload's config chooses its adapter from
 * DATABASE_URI when it loads, once per process.
 */
import { spawn } from 'node:child_process'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EnvError, loadEnv, parseDatabaseUri } from '@/lib/env'
import { databaseIdentity } from './lib/build'

const say = (line: string) => console.log(`[db:copy] ${line}`)

/** Exit codes of the target step, so the main process can say what happened in words. */
const TARGET_NOT_EMPTY = 3
const COUNTS_DIFFER = 4

function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')
}

function runTargetStep(args: string[], target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const child = spawn(
      process.execPath,
      [tsx, '--conditions=production', path.join('scripts', 'db-copy.ts'), ...args],
      { env: { ...process.env, DATABASE_URI: target, DB_COPY_TARGET_STEP: '1' }, stdio: 'inherit' },
    )
    child.on('error', reject)
    child.on('exit', (code) => resolve(code ?? 1))
  })
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { to: { type: 'string' }, step: { type: 'string' }, dump: { type: 'string' } },
    allowPositionals: false,
  })
  if (process.env.DB_COPY_TARGET_STEP === '1') return targetStep(values.step, values.dump)

  if (!values.to) {
    throw new EnvError(
      'Say where to copy to: npm run db:copy -- --to <DATABASE_URI>\n' +
        '  e.g. --to postgres://user:password@localhost:5432/faxe, --to mongodb://localhost:27017/faxe or --to file:./data/kopi.db',
    )
  }
  const env = loadEnv()
  const target = parseDatabaseUri(values.to)
  if (databaseIdentity(target) === databaseIdentity(env.database)) {
    throw new EnvError('The target is the database being copied (DATABASE_URI); give another one with --to.')
  }
  say(`From: ${env.database.kind} (${redact(env.database.url)})`)
  say(`To:   ${target.kind} (${redact(target.url)})`)

  say('Preparing the target: applying its migrations and checking that it is empty …')
  const prepared = await runTargetStep(['--step', 'prepare'], values.to)
  if (prepared === TARGET_NOT_EMPTY)
    throw new EnvError('The target database is not empty; nothing was copied.')
  if (prepared !== 0) throw new Error('Preparing the target failed; nothing was copied.')

  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-db-copy-'))
  const file = path.join(dir, 'dump.json')
  try {
    say('Reading the source …')
    const { openPayload } = await import('./lib/database')
    const { exportDatabase } = await import('./lib/copy')
    const payload = await openPayload()
    const dump = await exportDatabase(payload, say)
    await payload.destroy()
    // The dump holds password hashes: readable by this user only, and deleted below.
    writeFileSync(file, JSON.stringify(dump), { mode: 0o600 })
    chmodSync(file, 0o600)

    say('Writing the target …')
    const imported = await runTargetStep(['--step', 'import', '--dump', file], values.to)
    if (imported === COUNTS_DIFFER) throw new Error('The copy is incomplete: the counts above differ.')
    if (imported !== 0) throw new Error('Writing the target failed (see above).')
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  say('Done: every count matches. Point DATABASE_URI at the new database and run npm start.')
}

/** Runs in a child process whose DATABASE_URI is the target. */
async function targetStep(step: string | undefined, dumpFile: string | undefined): Promise<void> {
  const env = loadEnv()
  const { openPayload, migrateDatabase } = await import('./lib/database')
  const { contentCounts, dumpCounts, importDatabase } = await import('./lib/copy')
  const payload = await openPayload()
  if (step === 'prepare') {
    await migrateDatabase(payload, env)
    const counts = await contentCounts(payload)
    const present = Object.entries(counts).filter(([, n]) => n > 0)
    if (present.length > 0) {
      say(`The target already has content: ${present.map(([what, n]) => `${what} ${n}`).join(', ')}`)
      process.exit(TARGET_NOT_EMPTY)
    }
    return
  }
  if (step !== 'import' || !dumpFile) throw new Error(`unknown step ${step}`)
  const dump = JSON.parse(readFileSync(dumpFile, 'utf8')) as import('./lib/copy').Dump
  await importDatabase(payload, dump, say)

  say('Checking the counts …')
  const expected = dumpCounts(dump)
  const actual = await contentCounts(payload)
  let differ = false
  for (const what of Object.keys({ ...expected, ...actual })) {
    const [source, copied] = [expected[what] ?? 0, actual[what] ?? 0]
    if (source !== copied) differ = true
    say(`  ${source === copied ? 'ok  ' : 'DIFF'} ${what}: ${source} -> ${copied}`)
  }
  if (differ) process.exit(COUNTS_DIFFER)
}

main()
  // Exit explicitly: PostgreSQL's pool stays open after payload.destroy().
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    say(`Failed: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`)
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
    process.exit(1)
  })
