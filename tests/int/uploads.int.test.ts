import type { DefaultDocumentIDType } from 'payload'
import { readdirSync } from 'node:fs'
import { APIError, type Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { uploadMedia } from '../helpers/upload'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Uploads as the admin sends them (multipart REST): raster images only, whatever the file claims to be; a
 * size limit answered with 413 and a Danish message; safe file names; required alt text; no upload from a
 * URL.
 */

let payload: Payload
let editor: TestUser & { token: string }
const created: DefaultDocumentIDType[] = []

const SVG = Buffer.from(
  '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
)
const HARMLESS_SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>',
)
const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>')

const image = (format: 'png' | 'jpeg') =>
  sharp({ create: { width: 64, height: 48, channels: 3, background: '#aa3311' } })
    [format]()
    .toBuffer()

function storedFiles(): string[] {
  try {
    return readdirSync(process.env.MEDIA_DIR as string)
  } catch {
    return []
  }
}

async function upload(
  file: Buffer,
  name: string,
  type: string,
  data: Record<string, unknown> = { alt: 'Et testbillede af en rød flade' },
) {
  const result = await uploadMedia({ token: editor.token, file, name, type, data })
  if (result.body.doc) created.push(result.body.doc.id)
  return result
}

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  for (const id of created) {
    await removeDocument(payload, 'media', id)
  }
  await deleteUser(payload, editor)
})

describe('only raster images', () => {
  it.each([
    ['an SVG with a script', SVG, 'logo.svg', 'image/svg+xml'],
    ['a harmless SVG', HARMLESS_SVG, 'logo.svg', 'image/svg+xml'],
    ['an SVG renamed to .png and sent as image/png', SVG, 'logo.png', 'image/png'],
    ['an HTML page renamed to .jpg and sent as image/jpeg', HTML, 'foto.jpg', 'image/jpeg'],
    ['an XML file', Buffer.from('<?xml version="1.0"?><a>b</a>'), 'data.xml', 'application/xml'],
  ])('refuses %s', async (_what, file, name, type) => {
    const before = storedFiles().length
    const { status, body } = await upload(file, name, type)
    expect(status).toBe(400)
    expect(body.errors?.[0]?.message).toBe(
      'Filen er ikke et billede i JPEG, PNG, WebP eller AVIF. Gem billedet i et af de formater, og prøv igen.',
    )
    expect(storedFiles().length).toBe(before)
  })

  it('accepts a JPEG that claims to be a PNG, and names it for what it is', async () => {
    const { status, body } = await upload(await image('jpeg'), 'foto.png', 'image/png')
    expect(status).toBe(201)
    expect(body.doc?.filename).toBe('foto.jpg')
  })
})

describe('size', () => {
  it('a file over 10 MB is refused with 413 and a Danish message, and nothing is stored', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 7)
    big.set(await image('png'))
    const before = storedFiles().length
    const { status, body } = await upload(big, 'stort.png', 'image/png')
    expect(status).toBe(413)
    expect(body.errors?.[0]?.message).toMatch(/^Billedet er for stort\. Et billede må højst fylde 10 MB/)
    expect(storedFiles().length).toBe(before)
  })

  it('the Local API refuses it too', async () => {
    const big = Buffer.alloc(11 * 1024 * 1024, 7)
    const attempt = payload.create({
      collection: 'media',
      data: { alt: 'Et alt for stort billede' },
      file: { data: big, mimetype: 'image/png', name: 'stort.png', size: big.length },
      overrideAccess: true,
      context: testContext,
    })
    await expect(attempt).rejects.toBeInstanceOf(APIError)
    await expect(attempt).rejects.toMatchObject({ status: 413 })
  })
})

describe('file names', () => {
  it.each([
    ['../../../etc/Mit Billede æøå #1.PNG', 'mit-billede-aeoeaa-1.png'],
    ['C:\\Users\\redaktør\\Skrivebord\\Sommer i Faxe.png', 'sommer-i-faxe.png'],
    ['name%2F..%2F..%2Fx.png', 'name-2f-2f-2fx.png'],
    ['.htaccess', 'htaccess.png'],
    ['ÆØÅ.png', 'aeoeaa.png'],
  ])('%s is stored as %s', async (name, expected) => {
    const { status, body } = await upload(await image('png'), name, 'image/png')
    expect(status).toBe(201)
    expect(body.doc?.filename).toBe(expected)
    const file = await get(`/api/media/file/${expected}`)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('image/png')
  })

  it('control characters (which a multipart header cannot even carry) are dropped on the Local API too', async () => {
    const png = await image('png')
    const doc = await payload.create({
      collection: 'media',
      data: { alt: 'Et billede med et mærkeligt navn' },
      file: { data: png, mimetype: 'image/png', name: 'bell\u0007\u0000name\n.png', size: png.length },
      overrideAccess: true,
      context: testContext,
    })
    created.push(doc.id)
    expect(doc.filename).toBe('bell-name.png')
  })

  it('a second file with the same name gets a number rather than replacing the first', async () => {
    const first = await upload(await image('png'), 'samme-navn.png', 'image/png')
    const second = await upload(await image('png'), 'samme-navn.png', 'image/png')
    expect([first.body.doc?.filename, second.body.doc?.filename]).toEqual([
      'samme-navn.png',
      'samme-navn-1.png',
    ])
  })
})

describe('alt text and sources', () => {
  it.each([
    [{}, 'Skriv en alternativ tekst'],
    [{ alt: '  ' }, 'Skriv en alternativ tekst'],
    [{ alt: 'IMG_2041.jpg' }, 'ligner et filnavn'],
    [{ alt: 'DSC 0042' }, 'ligner et filnavn'],
  ])('refuses %j with a Danish message', async (data, message) => {
    const { status, body } = await upload(await image('png'), 'alt.png', 'image/png', data)
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain(message)
  })

  it('refuses "upload from a URL": the server never fetches an address someone typed', async () => {
    const response = await get(
      '/api/media',
      authed(editor.token, {
        method: 'POST',
        body: JSON.stringify({
          alt: 'Et billede fra nettet',
          filename: 'x.png',
          url: 'http://169.254.169.254/x.png',
        }),
      }),
    )
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('Upload fra en webadresse er slået fra')
  })
})
