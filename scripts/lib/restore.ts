import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs'
import path from 'node:path'
import type { Env } from '@/lib/env'
import { servingMarkerPath, whoServes } from '@/lib/serving-marker'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { archiveName, BackupRefusal, createBackup, type Log, type Manifest, unpackArchive } from './backup'
import { invalidateBuild } from './build'
import { otherSessions, restorePostgres } from './postgres-dump'
import { describeSqlite } from './sqlite-snapshot'

/**
 * `npm run restore -- FILE`, step by step. It refuses (BackupRefusal, nothing changed) when a server is
 * serving the database, when the archive is damaged, of a newer format, of another kind of database or
 * from a database with migrations this code does not have. Otherwise it takes a safety backup of what it
 * is about to replace, swaps the media folder and the database, checks the restored counts against the
 * manifest and undoes both swaps if anything fails. Then it empties the site's caches.
 */

export type RestoreOptions = {
  /** Where the safety backup goes (BACKUP_DIR). */
  safetyDir: string
  /** The production build whose caches and stamp are cleared (NEXT_DIST_DIR, default .next). */
  distDir: string
}

export type RestoreResult = { safetyBackup: string | null; pendingMigrations: string[] }

function knownMigrations(kind: 'sqlite' | 'postgres'): string[] {
  return (kind === 'sqlite' ? sqliteMigrations : postgresMigrations).map((m) => m.name)
}

async function refuseWhileServed(env: Env, log: Log): Promise<void> {
  log('Checking that no server is serving the database …')
  const state = whoServes(env.database)
  if (state.serving) throw new BackupRefusal(`The site is running on this database: ${state.reason}.`)
  if (state.stale) {
    log(
      `  (removed the marker of a server that is gone: process ${state.stale.pid}, started ${state.stale.startedAt})`,
    )
    rmSync(servingMarkerPath(env.database), { force: true })
  }
  if (env.database.kind === 'postgres') {
    const sessions = await otherSessions(env.database.url)
    if (sessions.length > 0) {
      throw new BackupRefusal(
        `Other connections are open on the database: ${sessions.join('; ')}. Stop the site (on every machine) first.`,
      )
    }
  }
}

function checkCompatible(env: Env, manifest: Manifest, log: Log): string[] {
  log(
    `  the backup: ${manifest.database.kind}, made ${manifest.createdAt}, Payload ${manifest.payloadVersion}, ` +
      `latest migration ${manifest.migrations.latest ?? '(none)'}`,
  )
  if (manifest.database.kind !== env.database.kind) {
    throw new BackupRefusal(
      `This is a backup of a ${manifest.database.kind} database, and DATABASE_URI points at ${env.database.kind}. ` +
        `Restore it into a ${manifest.database.kind} database, then move it with npm run db:copy.`,
    )
  }
  const known = knownMigrations(manifest.database.kind)
  const unknown = manifest.migrations.applied.filter((name) => !known.includes(name))
  if (unknown.length > 0) {
    throw new BackupRefusal(
      `The backup comes from a newer version of the site: its database has migrations this code does not have ` +
        `(${unknown.join(', ')}). Update the site's code first, then restore.`,
    )
  }
  return known.filter((name) => !manifest.migrations.applied.includes(name))
}

/** Moves `from` to `to`, across file systems too (copy, then rename within the target's folder). */
function move(from: string, to: string): void {
  try {
    renameSync(from, to)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error
    const near = `${to}.incoming`
    rmSync(near, { recursive: true, force: true })
    cpSync(from, near, { recursive: true })
    renameSync(near, to)
    rmSync(from, { recursive: true, force: true })
  }
}

/** Steps already taken, undone in reverse order when a later one fails. */
class Undo {
  private steps: { what: string; undo: () => void }[] = []
  add(what: string, undo: () => void): void {
    this.steps.push({ what, undo })
  }
  run(log: Log): void {
    for (const step of this.steps.reverse()) {
      try {
        step.undo()
        log(`  undone: ${step.what}`)
      } catch (error) {
        log(`  COULD NOT UNDO ${step.what}: ${(error as Error).message}`)
      }
    }
  }
}

const ASIDE = '.before-restore'

/**
 * Puts the archive's media folder in place of MEDIA_DIR, keeping the old one aside until the end. Without
 * a safety backup (there was no database) the old folder is kept for good, under a name of its own.
 */
function swapMedia(
  env: Env,
  unpacked: string,
  undo: Undo,
  cleanUp: string[],
  keepOld: boolean,
  log: Log,
): void {
  const incoming = path.join(unpacked, 'media')
  const target = env.mediaDir
  const aside = `${target}${ASIDE}${keepOld ? `-${Date.now()}` : ''}`
  rmSync(aside, { recursive: true, force: true })
  if (existsSync(target)) {
    renameSync(target, aside)
    undo.add(`media folder ${target}`, () => {
      rmSync(target, { recursive: true, force: true })
      renameSync(aside, target)
    })
    if (keepOld) log(`  the previous media folder is kept in ${aside}`)
    else cleanUp.push(aside)
  } else {
    undo.add(`media folder ${target}`, () => rmSync(target, { recursive: true, force: true }))
  }
  mkdirSync(path.dirname(target), { recursive: true })
  if (existsSync(incoming)) move(incoming, target)
  else mkdirSync(target, { recursive: true })
}

/**
 * When the media is in a bucket, on this site or on the one the backup was made from, MEDIA_DIR is left as
 * it is: replacing it with the archive's (empty) media folder would throw away files, and the restore
 * cannot put objects back in a bucket (the provider's versioning can). Null: swap the folder as usual.
 */
function mediaNotRestored(env: Env, manifest: Manifest, mediaFiles: number): string[] | null {
  if (env.s3) {
    return [
      `Media is in the ${env.s3.description}: the restore does not touch it. The restored documents refer to ` +
        "objects there; bring those back with the provider's object versioning if they were deleted.",
      ...(mediaFiles > 0
        ? [
            `  the archive's ${mediaFiles} media files (made from MEDIA_DIR) are NOT copied into the bucket: ` +
              'unpack them from faxe-backup/media/ and upload them to the bucket yourself.',
          ]
        : []),
    ]
  }
  if (manifest.media?.storage === 's3') {
    return [
      `This backup was made while media was in the ${manifest.media.location}; it holds no media files, ` +
        `so ${env.mediaDir} is left as it is. Set the same S3_* variables to serve the media from the bucket.`,
    ]
  }
  return null
}

const SQLITE_COMPANIONS = ['', '-wal', '-shm']

function swapSqlite(file: string, incoming: string, undo: Undo, cleanUp: string[]): void {
  const present = SQLITE_COMPANIONS.filter((suffix) => existsSync(`${file}${suffix}`))
  for (const suffix of SQLITE_COMPANIONS) rmSync(`${file}${ASIDE}${suffix}`, { force: true })
  for (const suffix of present) renameSync(`${file}${suffix}`, `${file}${ASIDE}${suffix}`)
  undo.add(`database file ${file}`, () => {
    for (const suffix of SQLITE_COMPANIONS) rmSync(`${file}${suffix}`, { force: true })
    for (const suffix of present) renameSync(`${file}${ASIDE}${suffix}`, `${file}${suffix}`)
  })
  for (const suffix of present) cleanUp.push(`${file}${ASIDE}${suffix}`)
  mkdirSync(path.dirname(file), { recursive: true })
  move(incoming, file)
}

function sameCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  return [...new Set([...Object.keys(expected), ...Object.keys(actual)])]
    .filter((table) => expected[table] !== actual[table])
    .map(
      (table) => `${table}: ${expected[table] ?? 'none'} in the backup, ${actual[table] ?? 'none'} restored`,
    )
}

export async function restoreArchive(
  env: Env,
  file: string,
  options: RestoreOptions,
  log: Log,
): Promise<RestoreResult> {
  if (env.database.kind === 'mongodb') {
    throw new BackupRefusal(
      'MongoDB is not covered by npm run restore: use mongorestore (README, "Backups").',
    )
  }
  await refuseWhileServed(env, log)

  // Unpacked beside the database file (SQLite) so the final move is a rename on the same file system.
  const near = env.database.kind === 'sqlite' ? path.dirname(env.database.file) : path.dirname(env.mediaDir)
  mkdirSync(near, { recursive: true })
  const staging = path.join(near, `.faxe-restore-${process.pid}`)
  rmSync(staging, { recursive: true, force: true })
  try {
    const { dir, manifest } = await unpackArchive(path.resolve(file), staging, log)
    const pending = checkCompatible(env, manifest, log)

    let safetyBackup: string | null = null
    const hasDatabase = env.database.kind !== 'sqlite' || existsSync(env.database.file)
    if (hasDatabase) {
      safetyBackup = path.join(options.safetyDir, archiveName('faxe-before-restore'))
      log(`Safety backup of what will be replaced, to ${safetyBackup} …`)
      await createBackup(env, safetyBackup, (line) => log(`  ${line}`))
    } else {
      log('No safety backup: there is no database yet to replace.')
    }

    const undo = new Undo()
    const cleanUp: string[] = []
    try {
      const media = readdirSync(dir).includes('media')
      const mediaFiles = media ? manifest.files.filter((f) => f.path.startsWith('media/')).length : 0
      const skip = mediaNotRestored(env, manifest, mediaFiles)
      if (skip) {
        for (const line of skip) log(line)
      } else {
        log(`Putting the media files in place in ${env.mediaDir} …`)
        swapMedia(env, dir, undo, cleanUp, safetyBackup === null, log)
        log(`  ${mediaFiles} files`)
      }

      const expected = manifest.counts.tables
      const databaseFile = path.join(dir, manifest.database.file)
      if (env.database.kind === 'sqlite') {
        log(`Putting the database in place at ${env.database.file} …`)
        swapSqlite(env.database.file, databaseFile, undo, cleanUp)
        log('Checking the restored database against the manifest …')
        const differ = sameCounts(expected, (await describeSqlite(env.database.file)).tables)
        if (differ.length > 0) throw new Error(`the restored counts differ: ${differ.join('; ')}`)
      } else {
        log('Replacing the database in one transaction (dump, then the counts checked before the commit) …')
        await restorePostgres(env.database.url, databaseFile, expected, manifest.database.dumpTool, log)
      }
      const rows = Object.values(expected).reduce((a, b) => a + b, 0)
      log(`  ${Object.keys(expected).length} tables, ${rows} rows: as in the backup`)
    } catch (error) {
      log(`Restore failed: ${(error as Error).message}`)
      log('Putting the previous state back …')
      undo.run(log)
      throw new Error(
        `the restore failed and the previous database and media are back in place${safetyBackup ? ` (a safety backup is in ${safetyBackup})` : ''}: ${(error as Error).message}`,
      )
    }
    for (const leftover of cleanUp) rmSync(leftover, { recursive: true, force: true })

    log(`Emptying the site's caches in ${options.distDir} …`)
    const removed = invalidateBuild(options.distDir)
    log(
      removed.length > 0
        ? `  removed ${removed.join(', ')}; npm start rebuilds the site`
        : '  there was no build',
    )
    return { safetyBackup, pendingMigrations: pending }
  } finally {
    rmSync(staging, { recursive: true, force: true })
  }
}
