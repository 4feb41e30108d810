import { randomBytes } from 'node:crypto'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  DeleteObjectCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import sharp from 'sharp'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { onlyInRunOn } from '../helpers/database'
import { provisionSqlite, type ProvisionedDatabase } from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { uploadMedia } from '../helpers/upload'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * Issue 11, item 4: with S3_* set, uploaded media lives in an S3-compatible bucket (here s3rver, a fake S3
 * server in Node) instead of MEDIA_DIR, so several instances see the same images. A site of its own on
 * the run's build, with S3_* pointing at the fake server: an editor's upload lands in the bucket with
 * its image sizes and nothing in MEDIA_DIR; readers get it at the same /api/media/file/ URL through
 * Payload, so the consent rule still hides an intern's photo; `npm run media:check` and `npm run backup`
 * speak of the bucket; deleting the document removes its objects.
 *
 * The storage does not depend on the database, so it runs once, in the SQLite run.
 */

const BUCKET = 'faxe-media'
const PREFIX = 'faxe/media'
const ADMIN = { email: 'admin@s3.faxe.invalid', password: 'billederne ligger i spanden 2026' }
// s3rver knows one account (S3RVER); with mismatched signatures allowed, any secret is accepted, so the
// test can give a distinctive one and check it never reaches a log.
const SECRET_KEY = `hemmelig-${randomBytes(8).toString('hex')}`

const work = mkdtempSync(path.join(os.tmpdir(), 'faxe-s3-test-'))
const mediaDir = path.join(work, 'media')
const cleanUps: (() => Promise<void> | void)[] = []

afterAll(async () => {
  for (const cleanUp of cleanUps.reverse()) await cleanUp()
  rmSync(work, { recursive: true, force: true })
}, 60_000)

type MediaDoc = {
  id: string | number
  filename: string
  mimeType: string
  url: string
  prefix?: string | null
  sizes: Record<string, { filename?: string | null; mimeType?: string | null }>
}

async function startS3(): Promise<{ endpoint: string; client: S3Client }> {
  const server = new S3rver({
    address: '127.0.0.1',
    port: await freePort(),
    silent: true,
    directory: path.join(work, 's3'),
    allowMismatchedSignatures: true,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  })
  const { port } = await server.run()
  cleanUps.push(() => server.close())
  const endpoint = `http://127.0.0.1:${port}`
  const client = new S3Client({
    region: 'eu-north-1',
    endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: SECRET_KEY },
  })
  cleanUps.push(() => client.destroy())
  return { endpoint, client }
}

async function keys(client: S3Client): Promise<string[]> {
  const listed = await client.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: `${PREFIX}/` }))
  return (listed.Contents ?? []).map((object) => object.Key ?? '').sort()
}

async function objectBytes(client: S3Client, key: string): Promise<Buffer> {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))
  return Buffer.from(await object.Body!.transformToByteArray())
}

async function startSite(endpoint: string): Promise<{ server: RunningServer; env: Record<string, string> }> {
  const database: ProvisionedDatabase = await provisionSqlite()
  cleanUps.push(() => database.drop())
  const env = {
    DATABASE_URI: database.uri,
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    MEDIA_DIR: mediaDir,
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: 'S3RVER',
    S3_SECRET_ACCESS_KEY: SECRET_KEY,
    S3_PREFIX: PREFIX,
  }
  const seeded = await runScript('seed', [], {
    ...env,
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
  })
  expect(seeded.code, seeded.output).toBe(0)
  // Next.js wants its build folder inside the project, and relative; a copy as next build left it.
  const distDir = `${inject('distDir')}-s3`
  rmSync(distDir, { recursive: true, force: true })
  cpSync(path.resolve(inject('pristineDistDir')), distDir, { recursive: true })
  cleanUps.push(() => rmSync(distDir, { recursive: true, force: true }))
  const port = await freePort()
  const server = await startNextServer(distDir, { ...env, SITE_URL: `http://127.0.0.1:${port}` }, port)
  cleanUps.push(() => server.stop())
  return { server, env }
}

async function json(server: RunningServer, pathname: string, init: RequestInit = {}, token?: string) {
  const response = await fetch(`${server.url}${pathname}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
  })
  const body = (await response.json()) as Record<string, unknown>
  expect(response.status, `${init.method ?? 'GET'} ${pathname}: ${JSON.stringify(body)}`).toBeLessThan(300)
  return body
}

async function login(server: RunningServer, user: { email: string; password: string }): Promise<string> {
  const body = await json(server, '/api/users/login', { method: 'POST', body: JSON.stringify(user) })
  return body.token as string
}

const fileUrl = (name: string) => `/api/media/file/${encodeURIComponent(name)}`

describe('media in an S3-compatible bucket (S3_* set)', () => {
  it('stores an upload and its sizes in the bucket, serves them through Payload with the consent rule, and deletes them with the document', async (ctx) => {
    onlyInRunOn(
      ctx,
      'sqlite',
      'it starts its own S3 server and site; where files go does not depend on the database',
    )
    const s3 = await startS3()
    const { server, env } = await startSite(s3.endpoint)

    const admin = await login(server, ADMIN)
    const editorUser = {
      email: `redaktoer-${randomBytes(4).toString('hex')}@s3.faxe.invalid`,
      password: randomBytes(12).toString('hex'),
    }
    await json(
      server,
      '/api/users',
      { method: 'POST', body: JSON.stringify({ ...editorUser, name: 'Test Redaktør', role: 'editor' }) },
      admin,
    )
    const editor = await login(server, editorUser)

    // Large enough for every image size (card 640x400, hero 1600 wide, og 1200x630).
    const png = await sharp({ create: { width: 1700, height: 1000, channels: 3, background: '#2f6f4f' } })
      .png()
      .toBuffer()
    const uploaded = await uploadMedia({
      token: editor,
      file: png,
      name: `mark-${Date.now()}.png`,
      type: 'image/png',
      data: { alt: 'Grøn mark ved Faxe Ladeplads i morgenlys' },
      path: `${server.url}/api/media`,
    })
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201)
    const id = uploaded.body.doc!.id
    const doc = (await json(server, `/api/media/${id}?depth=0`, {}, editor)) as unknown as MediaDoc

    // One audit entry: the plugin's second save of the new document (to store upload metadata) is not one.
    const audit = await json(
      server,
      `/api/audit-log?where[targetSlug][equals]=media&where[documentId][equals]=${id}&depth=0`,
      {},
      admin,
    )
    expect((audit.docs as { action: string }[]).map((entry) => entry.action)).toEqual(['created'])

    // The original and every size are objects under the prefix; MEDIA_DIR got nothing.
    const names = [doc.filename, ...Object.values(doc.sizes).map((size) => size.filename ?? '')]
    expect(names.filter(Boolean)).toHaveLength(4)
    const docKeys = names.map((name) => `${PREFIX}/${name}`).sort()
    expect((await keys(s3.client)).filter((key) => docKeys.includes(key))).toEqual(docKeys)
    expect(await objectBytes(s3.client, `${PREFIX}/${doc.filename}`)).toEqual(png)
    expect(existsSync(mediaDir) ? readdirSync(mediaDir, { recursive: true }) : []).toEqual([])

    // Readers get it at the same URL as with MEDIA_DIR, through Payload, byte for byte.
    const url = new URL(doc.url, server.url)
    expect(`${url.pathname}${url.search}`).toBe(fileUrl(doc.filename))
    const original = await fetch(`${server.url}${fileUrl(doc.filename)}`)
    expect(original.status).toBe(200)
    expect(original.headers.get('content-type')).toBe('image/png')
    expect(Buffer.from(await original.arrayBuffer())).toEqual(png)
    const card = doc.sizes.card!.filename!
    const cardResponse = await fetch(`${server.url}${fileUrl(card)}`)
    expect(cardResponse.status).toBe(200)
    expect(Buffer.from(await cardResponse.arrayBuffer())).toEqual(
      await objectBytes(s3.client, `${PREFIX}/${card}`),
    )
    expect((await sharp(await objectBytes(s3.client, `${PREFIX}/${card}`)).metadata()).width).toBe(640)

    // An intern's photo without consent: Payload's read access decides before the object is fetched.
    const { doc: intern } = (await json(
      server,
      '/api/interns',
      {
        method: 'POST',
        body: JSON.stringify({ name: 'Praktikant uden samtykke', publicationConsent: false, photo: id }),
      },
      editor,
    )) as { doc: { id: string | number } }
    for (const name of names) {
      const anonymous = await fetch(`${server.url}${fileUrl(name)}`)
      expect(anonymous.status, name).toBeGreaterThanOrEqual(400)
      expect(anonymous.status, name).toBeLessThan(500)
      const asEditor = await fetch(`${server.url}${fileUrl(name)}`, {
        headers: { authorization: `JWT ${editor}` },
      })
      expect(asEditor.status, name).toBe(200)
    }

    // media:check compares against the bucket: an object without a document is named and left in place.
    const stray = `${PREFIX}/halvt-uploadet.png`
    await s3.client.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: stray, Body: png, ContentType: 'image/png' }),
    )
    const check = await runScript('media-check', [], env)
    expect(check.code, check.output).toBe(0)
    expect(check.output).toContain(`1 object(s) in the S3 bucket ${BUCKET}`)
    expect(check.output).toContain(stray)
    expect(check.output).not.toMatch(/has no object/)
    expect(await keys(s3.client)).toContain(stray)
    await s3.client.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: stray }))

    // npm run backup says plainly that the media is not in the archive.
    const backup = await runScript('backup', ['--out', path.join(work, 'backup.tar.gz')], env)
    expect(backup.code, backup.output).toBe(0)
    expect(backup.output).toContain(`Media is in the S3 bucket ${BUCKET}`)
    expect(backup.output).toContain('NOT in this archive')

    // Deleting the document removes its objects.
    await json(server, `/api/interns/${intern.id}`, { method: 'DELETE' }, editor)
    await json(server, `/api/media/${id}`, { method: 'DELETE' }, editor)
    expect((await keys(s3.client)).filter((key) => docKeys.includes(key))).toEqual([])

    // The secret key reached neither the server's log nor the scripts' output.
    for (const output of [server.output(), check.output, backup.output]) {
      expect(output).not.toContain(SECRET_KEY)
    }
  }, 300_000)
})
