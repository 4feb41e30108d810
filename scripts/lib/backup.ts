import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  chmodSync,
  copyFileSync,
  createReadStream,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { DatabaseConfig, Env, S3Config } from '@/lib/env'
import { snapshotPostgres } from './postgres-dump'
import { snapshotSqlite } from './sqlite-snapshot'

/**
 * `npm run backup` and `npm run restore`: one archive (`.tar.gz`) holding the database, the uploaded
 * media and a manifest that says what is inside and how to check it.
 *
 *   faxe-backup/manifest.json       format version, database kind, migrations, versions, checksums, counts
 *   faxe-backup/database.sqlite     SQLite: a consistent copy made with VACUUM INTO while the site runs
 *   faxe-backup/database.sql        PostgreSQL: pg_dump (plain SQL, schema public, no owners or grants)
 *   faxe-backup/media/…             every file under MEDIA_DIR
 *
 * With media in an S3 bucket (S3_*) the archive holds the database only, and its manifest says where the
 * media is: copying a bucket through this machine is slow, costs egress, and is no better than what the
 * provider offers (object versioning, replication to another bucket), which is what the README asks for.
 *
 * The archive is packed and unpacked with the system's GNU tar (present on every Debian/Ubuntu server).
 */

export const FORMAT_VERSION = 1
export const ARCHIVE_ROOT = 'faxe-backup'
export const MANIFEST_FILE = 'manifest.json'

export const DATABASE_FILES = { sqlite: 'database.sqlite', postgres: 'database.sql' } as const

/** Rows per table, and per collection for the operator (its main table and its versions table). */
const countsSchema = z.object({
  tables: z.record(z.string(), z.number().int().nonnegative()),
})

export const manifestSchema = z.object({
  format: z.literal('faxe-backup'),
  formatVersion: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  database: z.object({
    kind: z.enum(['sqlite', 'postgres']),
    file: z.enum([DATABASE_FILES.sqlite, DATABASE_FILES.postgres]),
    /** PostgreSQL: the server's version and the pg_dump that wrote the dump. */
    serverVersion: z.string().optional(),
    dumpTool: z.string().optional(),
  }),
  migrations: z.object({
    /** The newest migration applied to the backed-up database (null: none). */
    latest: z.string().nullable(),
    applied: z.array(z.string()),
  }),
  payloadVersion: z.string(),
  siteVersion: z.string(),
  counts: countsSchema,
  /** Where the media was when the backup was made; absent in archives from before S3 support (files). */
  media: z
    .discriminatedUnion('storage', [
      z.object({ storage: z.literal('files') }),
      z.object({ storage: z.literal('s3'), location: z.string() }),
    ])
    .optional(),
  files: z.array(
    z.object({
      path: z.string(),
      bytes: z.number().int().nonnegative(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
})

export type Manifest = z.infer<typeof manifestSchema>
export type Log = (line: string) => void
export type DatabaseSnapshot = { tables: Record<string, number>; migrations: string[] }

/** A refusal the operator must act on (exit code 2), as opposed to a failure (exit code 1). */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackupRefusal'
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  const units = ['KB', 'MB', 'GB', 'TB']
  let value = bytes / 1024
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return `${value.toFixed(1)} ${units[unit]}`
}

/** `faxe-2026-11-30T11-45-03Z.tar.gz`: UTC, sortable, no colons (which some tools read as a host). */
export function archiveName(prefix = 'faxe', now = new Date()): string {
  return `${prefix}-${now
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replaceAll(':', '-')}.tar.gz`
}

/** Every regular file under `dir`, as paths relative to it with forward slashes, sorted. */
export function listFiles(dir: string, base = dir): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) return listFiles(full, base)
      return entry.isFile() ? [path.relative(base, full).split(path.sep).join('/')] : []
    })
}

export function sha256File(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256')
    createReadStream(file)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')))
  })
}

function packageVersion(name: string): string {
  const file = path.join(process.cwd(), ...(name === '.' ? [] : ['node_modules', name]), 'package.json')
  return z.object({ version: z.string() }).parse(JSON.parse(readFileSync(file, 'utf8'))).version
}

/** Runs a command, collecting its standard error for the message when it fails. */
export function run(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string } = {},
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new BackupRefusal(
              `${command} is not installed (it is part of every Debian/Ubuntu system: apt-get install ${command}).`,
            )
          : error,
      ),
    )
    child.on('exit', (code) => resolve({ code: code ?? 1, stderr: stderr.trim() }))
  })
}

/** What `npm run backup` says when the media is in a bucket, so nobody takes the archive for all of it. */
export function s3MediaNotice(s3: S3Config): string {
  return (
    `Media is in the ${s3.description}: NOT in this archive. Back the bucket up with the provider's ` +
    'object versioning or replication (README, "Media on S3-compatible storage").'
  )
}

/** Copies the media files into `target`, skipping (and naming) any deleted while the backup ran. */
function copyMedia(mediaDir: string, target: string, log: Log): { files: number; bytes: number } {
  let files = 0
  let bytes = 0
  for (const relative of listFiles(mediaDir)) {
    const to = path.join(target, relative)
    mkdirSync(path.dirname(to), { recursive: true })
    try {
      copyFileSync(path.join(mediaDir, relative), to)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
      log(`  (skipped media/${relative}: deleted while the backup ran)`)
      continue
    }
    files += 1
    bytes += statSync(to).size
  }
  return { files, bytes }
}

/** The database's collections for the progress lines: main tables with their versions. */
function describeCounts(tables: Record<string, number>): string {
  return Object.entries(tables)
    .filter(([name]) => !name.startsWith('_') && !name.includes('_rels') && !/^search_|^payload_/.test(name))
    .filter(([name]) => !/_(blocks|texts|numbers|locales)(_|$)/.test(name) && !name.includes('_fts'))
    .map(
      ([name, n]) =>
        `${name} ${n}${tables[`_${name}_v`] !== undefined ? ` (${tables[`_${name}_v`]} versions)` : ''}`,
    )
    .join(', ')
}

async function snapshotDatabase(
  database: DatabaseConfig,
  target: string,
  log: Log,
): Promise<DatabaseSnapshot & { serverVersion?: string; dumpTool?: string }> {
  switch (database.kind) {
    case 'sqlite':
      if (!existsSync(database.file)) {
        throw new BackupRefusal(`There is no database at ${database.file} to back up.`)
      }
      return snapshotSqlite(database.file, target)
    case 'postgres':
      return snapshotPostgres(database.url, target, log)
    case 'mongodb':
      throw new BackupRefusal(
        'MongoDB is not covered by npm run backup: use mongodump (MongoDB Database Tools) for the database ' +
          'and copy MEDIA_DIR yourself (README, "Backups").',
      )
  }
}

/**
 * Writes one archive of the configured database and media to `out`. The database is copied first (a
 * consistent snapshot), the media after it: an image uploaded in between is in the archive without its
 * document (harmless); one deleted in between is named in the output.
 */
export async function createBackup(env: Env, out: string, log: Log): Promise<Manifest> {
  const started = Date.now()
  // The archive holds password hashes and personal data: readable by the site's user only.
  mkdirSync(path.dirname(out), { recursive: true, mode: 0o700 })
  // Beside the archive, so the final rename is atomic and a half-written archive never has its name.
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.staging`)
  rmSync(staging, { recursive: true, force: true })
  const root = path.join(staging, ARCHIVE_ROOT)
  mkdirSync(root, { recursive: true })
  const partial = `${out}.partial`
  try {
    const databaseFile = DATABASE_FILES[env.database.kind === 'postgres' ? 'postgres' : 'sqlite']
    log(`Copying the ${env.database.kind} database …`)
    const snapshot = await snapshotDatabase(env.database, path.join(root, databaseFile), log)
    log(`  ${formatBytes(statSync(path.join(root, databaseFile)).size)}: ${describeCounts(snapshot.tables)}`)

    if (env.s3) {
      log(s3MediaNotice(env.s3))
    } else {
      log(`Copying the media files from ${env.mediaDir} …`)
      const media = copyMedia(env.mediaDir, path.join(root, 'media'), log)
      log(`  ${media.files} files, ${formatBytes(media.bytes)}`)
    }

    log('Computing checksums …')
    const files: Manifest['files'] = []
    for (const relative of listFiles(root)) {
      const full = path.join(root, relative)
      files.push({ path: relative, bytes: statSync(full).size, sha256: await sha256File(full) })
    }
    const applied = [...snapshot.migrations].sort()
    const manifest: Manifest = {
      format: 'faxe-backup',
      formatVersion: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      database: {
        kind: env.database.kind === 'postgres' ? 'postgres' : 'sqlite',
        file: databaseFile,
        ...(snapshot.serverVersion ? { serverVersion: snapshot.serverVersion } : {}),
        ...(snapshot.dumpTool ? { dumpTool: snapshot.dumpTool } : {}),
      },
      migrations: { latest: applied.at(-1) ?? null, applied },
      payloadVersion: packageVersion('payload'),
      siteVersion: packageVersion('.'),
      counts: { tables: snapshot.tables },
      media: env.s3 ? { storage: 's3', location: env.s3.description } : { storage: 'files' },
      files,
    }
    writeFileSync(path.join(root, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`)

    log(`Packing ${out} …`)
    const packed = await run('tar', ['-czf', partial, '-C', staging, ARCHIVE_ROOT])
    if (packed.code !== 0) throw new Error(`tar could not write the archive: ${packed.stderr}`)
    chmodSync(partial, 0o600)
    renameSync(partial, out)
    const seconds = ((Date.now() - started) / 1000).toFixed(1)
    log(`  ${formatBytes(statSync(out).size)} (${files.length} files) in ${seconds} s`)
    return manifest
  } finally {
    rmSync(staging, { recursive: true, force: true })
    rmSync(partial, { force: true })
  }
}

// --- reading an archive -----------------------------------------------------------------------------------

export type UnpackedArchive = { dir: string; manifest: Manifest; bytes: number }

/**
 * Unpacks `file` into `into` and checks it: a manifest of a format this code reads, every listed file
 * present with its checksum, nothing else. Throws a BackupRefusal that says what is wrong.
 */
export async function unpackArchive(file: string, into: string, log: Log): Promise<UnpackedArchive> {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new BackupRefusal(`There is no archive at ${file}.`)
  mkdirSync(into, { recursive: true })
  log(`Unpacking ${file} (${formatBytes(statSync(file).size)}) …`)
  const unpacked = await run('tar', ['-xzf', file, '-C', into, '--no-same-owner', '--no-same-permissions'])
  if (unpacked.code !== 0) {
    throw new BackupRefusal(`The archive is damaged: tar could not unpack it (${unpacked.stderr}).`)
  }
  const dir = path.join(into, ARCHIVE_ROOT)
  const manifestFile = path.join(dir, MANIFEST_FILE)
  if (!existsSync(manifestFile)) {
    throw new BackupRefusal(
      `The archive is damaged or not a backup of this site: it has no ${ARCHIVE_ROOT}/${MANIFEST_FILE}.`,
    )
  }
  let raw: unknown
  try {
    raw = JSON.parse(readFileSync(manifestFile, 'utf8'))
  } catch {
    throw new BackupRefusal('The archive is damaged: its manifest is not valid JSON.')
  }
  // The version first: a newer format may have changed anything else, and deserves its own message.
  const version = z.object({ formatVersion: z.number() }).safeParse(raw)
  if (version.success && version.data.formatVersion > FORMAT_VERSION) {
    throw new BackupRefusal(
      `The archive has backup format ${version.data.formatVersion}; this code reads format ${FORMAT_VERSION} and older. ` +
        'Restore it with the version of the site that made it (or a newer one).',
    )
  }
  const parsed = manifestSchema.safeParse(raw)
  if (!parsed.success) {
    throw new BackupRefusal(
      `The archive's manifest is not one this code reads: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    )
  }
  const manifest = parsed.data

  log(`Checking ${manifest.files.length} files against their checksums …`)
  const present = new Set(listFiles(dir).filter((p) => p !== MANIFEST_FILE))
  // Links or devices have no place in a backup; a regular-file walk would not even see them.
  for (const relative of listAll(dir)) {
    const stat = lstatSync(path.join(dir, relative))
    if (!stat.isFile() && !stat.isDirectory()) {
      throw new BackupRefusal(`The archive is damaged: ${relative} is not a regular file.`)
    }
  }
  let bytes = 0
  for (const entry of manifest.files) {
    if (!present.delete(entry.path))
      throw new BackupRefusal(`The archive is damaged: ${entry.path} is missing.`)
    const full = path.join(dir, entry.path)
    const [size, sum] = [statSync(full).size, await sha256File(full)]
    if (size !== entry.bytes || sum !== entry.sha256) {
      throw new BackupRefusal(`The archive is damaged: ${entry.path} does not match its checksum.`)
    }
    bytes += size
  }
  if (present.size > 0) {
    throw new BackupRefusal(`The archive is damaged: files not in its manifest: ${[...present].join(', ')}.`)
  }
  log(`  all ${manifest.files.length} match (${formatBytes(bytes)})`)
  return { dir, manifest, bytes }
}

function listAll(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    const relative = path.relative(base, full)
    return entry.isDirectory() ? [relative, ...listAll(full, base)] : [relative]
  })
}
