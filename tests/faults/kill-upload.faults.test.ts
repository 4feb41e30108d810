import { randomBytes } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { holdExclusiveLock, OwnSite, release, removeBuilds } from '../helpers/faults'
import { provisionSqlite, type ProvisionedDatabase } from '../helpers/provision'
import { runScript } from '../helpers/scripts'

/**
 * `kill -9` of the server during an upload, at several moments of it, then a restart as `npm start`
 * does it: its media check (scripts/lib/media-orphans.ts), then the server. Payload writes an upload's
 * files before it inserts the media document, so a kill in between leaves files without a document; the
 * check moves them aside. On a SQLite file of this test's own.
 */

const admin = {
  email: `admin-${randomBytes(3).toString('hex')}@test.faxe.invalid`,
  password: randomBytes(12).toString('hex'),
}
let database: ProvisionedDatabase
let mediaDir: string
let site: OwnSite

beforeAll(async () => {
  database = await provisionSqlite()
  mediaDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-kill-media-'))
  const env = {
    DATABASE_URI: database.uri,
    MEDIA_DIR: mediaDir,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SEED_ADMIN_EMAIL: admin.email,
    SEED_ADMIN_PASSWORD: admin.password,
  }
  const seeded = await runScript('seed', [], env)
  expect(seeded.code, seeded.output).toBe(0)
  site = new OwnSite('kill-upload', env, admin)
  await site.start()
})

afterAll(async () => {
  await site?.stop()
  await database?.drop()
  rmSync(mediaDir, { recursive: true, force: true })
  rmSync(`${mediaDir}-orphans`, { recursive: true, force: true })
  removeBuilds()
})

type Paged<T> = { docs: T[]; totalDocs: number }
type Media = { id: number | string; filename: string; sizes: Record<string, { filename?: string | null }> }

async function upload(file: Buffer, name: string): Promise<Response> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type: 'image/png' }), name)
  form.append('_payload', JSON.stringify({ alt: 'Et billede, der blev afbrudt undervejs' }))
  return fetch(`${site.url}/api/media`, {
    method: 'POST',
    headers: { authorization: `JWT ${site.token}` },
    body: form,
  })
}

/** Every media document's files, and every file in MEDIA_DIR. */
async function mediaState(): Promise<{ docs: Media[]; referenced: Set<string>; files: Set<string> }> {
  const { docs } = await site.json<Paged<Media>>('/api/media?limit=100&depth=0')
  const referenced = new Set<string>()
  for (const media of docs) {
    referenced.add(media.filename)
    for (const size of Object.values(media.sizes ?? {})) if (size.filename) referenced.add(size.filename)
  }
  const files = new Set(existsSync(mediaDir) ? readdirSync(mediaDir) : [])
  return { docs, referenced, files }
}

/** As `npm start` does before it serves. */
async function mediaCheck(): Promise<string> {
  const check = await runScript('media-check', [], site.env)
  expect(check.code, check.output).toBe(0)
  return check.output
}

describe('kill -9 during an upload', () => {
  it('leaves no file without its media document and no document without its files', async () => {
    // A photo-sized PNG of noise (it does not compress), so the upload and its resizing take a while.
    const image = () =>
      sharp(randomBytes(1600 * 1200 * 3), { raw: { width: 1600, height: 1200, channels: 3 } })
        .png()
        .toBuffer()
    const timed = Date.now()
    const first = await upload(await image(), 'helt-billede.png')
    expect(first.status).toBe(201)
    const duration = Date.now() - timed
    const outcomes: string[] = []

    // Payload writes the files near the end of an upload (after resizing), so the kills are spread there.
    for (const share of [0.5, 0.7, 0.8, 0.9, 0.95]) {
      const before = await mediaState()
      const sent = upload(await image(), `afbrudt-${share * 100}.png`).then(
        (r) => `answered ${r.status}`,
        () => 'no answer',
      )
      await site.killAfter(Math.max(1, Math.round(duration * share)))
      const client = await sent
      const output = await mediaCheck()
      await site.start()

      const after = await mediaState()
      expect(
        [...after.files].filter((name) => !after.referenced.has(name)),
        'files without a document',
      ).toEqual([])
      expect(
        [...after.referenced].filter((name) => !after.files.has(name)),
        'documents without files',
      ).toEqual([])
      expect(after.docs.length - before.docs.length).toBeGreaterThanOrEqual(client === 'answered 201' ? 1 : 0)
      for (const media of after.docs) {
        const file = await fetch(`${site.url}/api/media/file/${media.filename}`)
        expect(file.status, media.filename).toBe(200)
        await file.arrayBuffer()
      }
      const moved = output.match(/moved (\d+) file/)?.[1] ?? '0'
      outcomes.push(
        `${Math.round(duration * share)} ms: ${after.docs.length - before.docs.length} document(s), ${moved} file(s) moved aside (client: ${client})`,
      )
    }
    console.log(`[kill -9 during an upload of ${duration} ms] ${outcomes.join('; ')}`)
  })

  it('a locked database refuses an upload before any file is written; the start-up check moves a file without its document aside', async () => {
    // Deterministic where the kills above depend on timing: another process locks the database.
    const before = await mediaState()
    const png = await sharp({ create: { width: 320, height: 200, channels: 3, background: '#2266aa' } })
      .png()
      .toBuffer()
    const holder = await holdExclusiveLock(database.uri.slice('file:'.length))
    const refused = await upload(png, 'laast-database.png')
    await release(holder)
    expect(refused.status).toBe(503)
    // The save is one transaction (lib/sqlite-writes.ts), which Payload begins before it writes the files:
    // the refusal leaves nothing on disk.
    expect([...(await mediaState()).files].sort()).toEqual([...before.files].sort())

    // What a kill between Payload's file write and its insert leaves (the rounds above, by timing).
    const left = 'efterladt-uden-dokument.png'
    writeFileSync(path.join(mediaDir, left), png)
    await site.stop()
    expect(await mediaCheck()).toContain('moved 1 file(s) without a media document')
    await site.start()
    const after = await mediaState()
    expect([...after.files].sort()).toEqual([...before.files].sort())
    expect(after.docs.length).toBe(before.docs.length)
    const aside = readdirSync(`${mediaDir}-orphans`, { recursive: true }).map(String)
    expect(aside.some((entry) => entry.endsWith(left))).toBe(true)
  })
})
