import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CollectionSlug, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { onlyInRunOn } from '../helpers/database'
import { testPayload } from '../helpers/payload'
import {
  provisionMongodb,
  provisionPostgres,
  provisionSqlite,
  type ProvisionedDatabase,
} from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { restCall } from '../helpers/rest'
import { anonymousAccess } from '@/lib/api/anonymous'
import { type IdMaps, Remapper } from '@/scripts/lib/copy'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * `npm run db:copy` from the embedded default to PostgreSQL, back to SQLite, and to MongoDB: each copy
 * answers the public REST API as the original does (ids aside: every copy numbers its documents anew), shows
 * the same story page and lets the editor log in with the same password.
 *
 * It makes its own databases, so it runs once, in the SQLite run (`npm test`).
 */

/**
 * The collections an anonymous reader may read, by Payload's own access evaluation as the OpenAPI document
 * lists them (lib/api/anonymous.ts), so a public collection added later is compared too.
 */
let publicCollections: CollectionSlug[] = []
/** The seed story, and one written through the API before the copy. */
const STORIES = [
  '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene',
  '/historier/kopien-af-databasen-omdoebt',
]
const EDITOR = {
  email: 'redaktoer@kopi.faxe.invalid',
  password: 'kopiens-lange-kodeord-2026',
  name: 'Kopi Redaktør',
}

const secret = randomBytes(32).toString('hex')
const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-copy-media-'))
const databases: ProvisionedDatabase[] = []
const servers: RunningServer[] = []
let payload: Payload

type Snapshot = { rest: Record<string, unknown>; stories: string[] }
const snapshots = new Map<string, Snapshot>()

/**
 * Each server gets its own copy of this run's build as `next build` left it: rendered pages and cached data
 * are written into the build folder, and a server must not answer from what another server (the run's own,
 * on another database) rendered. Copying the run's live build folder did exactly that: a story page
 * re-rendered by the run's server, with a related story of its database, was served by the copy.
 */
const builds: string[] = []
function ownBuild(): string {
  const source = path.resolve(inject('pristineDistDir'))
  const dir = `${inject('distDir')}-copy-${builds.length + 1}`
  rmSync(dir, { recursive: true, force: true })
  cpSync(source, dir, { recursive: true })
  builds.push(dir)
  return dir
}

async function serve(database: ProvisionedDatabase): Promise<RunningServer> {
  const port = await freePort()
  const server = await startNextServer(
    ownBuild(),
    {
      DATABASE_URI: database.uri,
      PAYLOAD_SECRET: secret,
      MEDIA_DIR: mediaDir,
      SITE_URL: `http://127.0.0.1:${port}`,
    },
    port,
  )
  servers.push(server)
  return server
}

async function copy(from: ProvisionedDatabase, to: ProvisionedDatabase): Promise<string> {
  const { code, output } = await runScript('db-copy', ['--to', to.uri], {
    DATABASE_URI: from.uri,
    PAYLOAD_SECRET: secret,
    MEDIA_DIR: mediaDir,
  })
  expect(code, output).toBe(0)
  return output
}

/**
 * What anonymous readers get, with every document id replaced by its collection and position (documents
 * listed oldest first: a copy keeps `createdAt`), so answers from two databases can be compared.
 */
async function snapshot(server: RunningServer): Promise<Snapshot> {
  const read = async (pathname: string) => {
    const response = await fetch(`${server.url}${pathname}`)
    expect(response.status, pathname).toBe(200)
    // Upload URLs are absolute (each server knows its own origin).
    return JSON.parse((await response.text()).replaceAll(server.url, '')) as {
      docs: Record<string, unknown>[]
    }
  }
  const answers: Record<string, Record<string, unknown>[]> = {}
  const maps: IdMaps = new Map()
  for (const slug of publicCollections) {
    const { docs } = await read(`/api/${slug}?limit=100&depth=0&sort=createdAt`)
    answers[slug] = docs
    maps.set(slug, new Map(docs.map((doc, i) => [String(doc.id), `${slug} #${i + 1}`])))
  }
  const remapper = new Remapper(maps)
  const rest: Record<string, unknown> = {}
  for (const slug of publicCollections) {
    const fields = payload.collections[slug].config.flattenedFields
    rest[slug] = answers[slug]!.map((doc) => {
      const { id: _id, ...rest } = remapper.fields(fields, doc)
      return rest
    })
  }
  const stories: string[] = []
  for (const pathname of STORIES) {
    const page = await fetch(`${server.url}${pathname}`)
    expect(page.status, pathname).toBe(200)
    const html = await page.text()
    // The text a reader sees: the page's main content, without scripts (the RSC payload carries ids).
    const main = /<main[\s\S]*<\/main>/.exec(html)?.[0] ?? html
    stories.push(
      main
        .replace(/<script[\s\S]*?<\/script>/g, '')
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
  }
  expect(stories[1]).toContain('En historie skrevet før flytningen.')
  return { rest, stories }
}

async function editorLogsIn(server: RunningServer): Promise<void> {
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: EDITOR.email, password: EDITOR.password }),
  })
  expect(login.status).toBe(200)
  const { token } = (await login.json()) as { token: string }
  const me = await fetch(`${server.url}/api/users/me`, { headers: { authorization: `JWT ${token}` } })
  expect(((await me.json()) as { user: { email: string; role: string } }).user).toMatchObject({
    email: EDITOR.email,
    role: 'editor',
  })
}

beforeAll(async () => {
  payload = await testPayload()
  const { permissions } = await anonymousAccess(payload)
  publicCollections = payload.config.collections
    .filter((c) => permissions.collections?.[c.slug]?.read)
    .map((c) => c.slug)
})

afterAll(async () => {
  for (const server of servers) await server.stop()
  for (const database of databases) await database.drop()
  for (const dir of builds) rmSync(dir, { recursive: true, force: true })
  rmSync(mediaDir, { recursive: true, force: true })
}, 60_000)

describe('npm run db:copy', () => {
  let source: ProvisionedDatabase

  it('copies the embedded SQLite database to PostgreSQL, and the copy answers as the original', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', 'it makes its own SQLite, PostgreSQL and MongoDB databases')
    source = await provisionSqlite()
    databases.push(source)
    // npm start's first steps on the source: migrations and the seed story, then an editor, a draft and a
    // change, so users, drafts, versions, redirects and the audit log all have something to copy.
    const seeded = await runScript('seed', [], {
      DATABASE_URI: source.uri,
      PAYLOAD_SECRET: secret,
      MEDIA_DIR: mediaDir,
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
    })
    expect(seeded.code, seeded.output).toBe(0)
    const original = await serve(source)
    await addContent(original)
    snapshots.set('original', await snapshot(original))

    const postgres = await provisionPostgres()
    databases.push(postgres)
    const output = await copy(source, postgres)
    expect(output).toMatch(/Done: every count matches/)
    expect(output).toMatch(/ok {3}articles \(versions\): [1-9]\d* -> [1-9]/)
    const copyServer = await serve(postgres)
    expect(await snapshot(copyServer)).toEqual(snapshots.get('original'))
    await editorLogsIn(copyServer)

    // …and back again, from PostgreSQL to a new SQLite file.
    const back = await provisionSqlite()
    databases.push(back)
    await copy(postgres, back)
    const backServer = await serve(back)
    expect(await snapshot(backServer)).toEqual(snapshots.get('original'))
    await editorLogsIn(backServer)
  }, 240_000)

  it('copies it to MongoDB, and the copy answers as the original', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', 'it makes its own SQLite, PostgreSQL and MongoDB databases')
    const mongodb = await provisionMongodb()
    databases.push(mongodb)
    await copy(source, mongodb)
    const copyServer = await serve(mongodb)
    expect(await snapshot(copyServer)).toEqual(snapshots.get('original'))
    await editorLogsIn(copyServer)
  }, 120_000)

  it('refuses a target that is not empty, and writes nothing to it', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', 'it makes its own SQLite, PostgreSQL and MongoDB databases')
    const { code, output } = await runScript('db-copy', ['--to', databases[1]!.uri], {
      DATABASE_URI: source.uri,
      PAYLOAD_SECRET: secret,
      MEDIA_DIR: mediaDir,
    })
    expect(code).toBe(1)
    expect(output).toMatch(/The target already has content: users 2, media 1, .*articles 2/)
    expect(output).toMatch(/The target database is not empty; nothing was copied/)
  }, 60_000)
})

const ADMIN = { email: 'admin@kopi.faxe.invalid', password: 'administratorens-kodeord-2026' }

/** An editor, a story published and renamed (a redirect, versions) and then changed in a draft. */
async function addContent(server: RunningServer): Promise<void> {
  const call = (token: string | null, method: string, pathname: string, body?: unknown) =>
    restCall(server.url, token, method, pathname, body)
  const { token: adminToken } = (await call(null, 'POST', '/api/users/login', ADMIN)) as { token: string }
  await call(adminToken, 'POST', '/api/users', { ...EDITOR, role: 'editor' })
  const { token } = (await call(null, 'POST', '/api/users/login', EDITOR)) as { token: string }
  // An image (a media document; the file itself stays in MEDIA_DIR) as the story's hero image.
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#2f6f4f' } })
    .png()
    .toBuffer()
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'kopi.png')
  form.append('_payload', JSON.stringify({ alt: 'Grøn flade fra før flytningen' }))
  const uploaded = await fetch(`${server.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${token}` },
    body: form,
  })
  expect(uploaded.status).toBe(201)
  const { doc: image } = (await uploaded.json()) as { doc: { id: string | number } }
  const { doc } = (await call(token, 'POST', '/api/articles', {
    title: 'Kopien af databasen',
    lead: 'En historie skrevet før flytningen.',
    heroImage: image.id,
    _status: 'published',
  })) as { doc: { id: string | number } }
  await call(token, 'PATCH', `/api/articles/${doc.id}`, { slug: 'kopien-af-databasen-omdoebt' })
  await call(token, 'PATCH', `/api/articles/${doc.id}?draft=true`, {
    lead: 'Et udkast, der ikke er udgivet.',
  })
}
