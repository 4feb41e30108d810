import type { DefaultDocumentIDType, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gqlId, graphql } from '../helpers/graphql'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Issue 10, items 4 and 5: consent covers a person's image as well as their name, and no write to the
 * media collection makes the server fetch a file from an address.
 */

type MediaDoc = {
  id: DefaultDocumentIDType
  alt: string
  filename: string
  url: string
  sizes: Record<string, { filename?: string | null; url?: string | null }>
}

let payload: Payload
let editor: TestUser & { token: string }
let media: MediaDoc
let internId: DefaultDocumentIDType
const ALT = 'Portræt af en praktikant uden samtykke, ved vinduet'

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  const png = await sharp({ create: { width: 1700, height: 1000, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
  media = (await payload.create({
    collection: 'media',
    data: { alt: ALT },
    // A name of its own: Next.js keeps serving an optimised image it once made (<distDir>/cache/images;
    // see the report on consent withdrawn after publication).
    file: { data: png, mimetype: 'image/png', name: `portraet-${Date.now()}.png`, size: png.length },
    overrideAccess: true,
    context: testContext,
  })) as unknown as MediaDoc
  const intern = await payload.create({
    collection: 'interns',
    data: { name: 'Praktikant med foto, uden samtykke', publicationConsent: false, photo: media.id },
    overrideAccess: true,
    context: testContext,
  })
  internId = intern.id
})

afterAll(async () => {
  await removeDocument(payload, 'interns', internId)
  await removeDocument(payload, 'media', media.id)
  await deleteUser(payload, editor)
})

function fileUrls(): string[] {
  const sizes = Object.values(media.sizes ?? {})
    .map((size) => size.filename)
    .filter((name): name is string => !!name)
  expect(sizes.length).toBe(3)
  return [media.filename, ...sizes].map((name) => `/api/media/file/${encodeURIComponent(name)}`)
}

const optimised = (width: number) =>
  `/_next/image?url=${encodeURIComponent(`/api/media/file/${media.filename}`)}&w=${width}&q=75`

async function anonymousSees(): Promise<{
  document: number
  listed: boolean
  files: number[]
  images: number[]
  graphqlFound: boolean
}> {
  const document = (await get(`/api/media/${media.id}?depth=0`)).status
  const list = await (await get(`/api/media?limit=100&depth=0&where[id][equals]=${media.id}`)).text()
  const files = []
  for (const url of fileUrls()) files.push((await get(url)).status)
  const images = []
  for (const width of [640, 1080]) images.push((await get(optimised(width))).status)
  const gql = await graphql<{ Media: { alt: string } | null }>(`{ Media(id: ${gqlId(media.id)}) { alt } }`)
  return { document, listed: list.includes(ALT), files, images, graphqlFound: !!gql.data?.Media }
}

describe('an intern photo without consent', () => {
  it('is neither listed nor served to anonymous readers: document, every size, the optimiser, GraphQL', async () => {
    const seen = await anonymousSees()
    expect(seen.document).toBe(404)
    expect(seen.listed).toBe(false)
    for (const status of seen.files) expect(status).toBeGreaterThanOrEqual(400)
    for (const status of seen.images) expect(status).toBeGreaterThanOrEqual(400)
    expect(seen.graphqlFound).toBe(false)
    // Editors still see it in the admin.
    expect((await get(`/api/media/${media.id}?depth=0`, authed(editor.token))).status).toBe(200)
  })

  it('becomes public when consent is recorded, without a new upload', async () => {
    const consent = await get(
      `/api/interns/${internId}`,
      authed(editor.token, {
        method: 'PATCH',
        body: JSON.stringify({ publicationConsent: true, consentRecordedAt: new Date().toISOString() }),
      }),
    )
    expect(consent.status).toBe(200)
    const seen = await anonymousSees()
    expect(seen.document).toBe(200)
    expect(seen.listed).toBe(true)
    for (const status of seen.files) expect(status).toBe(200)
    for (const status of seen.images) expect(status).toBe(200)
    expect(seen.graphqlFound).toBe(true)
  })
})

describe('upload from a URL is refused on every operation', () => {
  const remote = { url: 'http://169.254.169.254/latest/x.png', filename: 'x.png' }
  const refused = async (response: Response) => {
    expect(response.status).toBe(400)
    expect(JSON.stringify(await response.json())).toContain('Upload fra en webadresse er slået fra')
  }

  it('update by id', async () => {
    await refused(
      await get(
        `/api/media/${media.id}`,
        authed(editor.token, { method: 'PATCH', body: JSON.stringify(remote) }),
      ),
    )
  })

  it('bulk update', async () => {
    await refused(
      await get(
        `/api/media?where[id][equals]=${media.id}`,
        authed(editor.token, { method: 'PATCH', body: JSON.stringify(remote) }),
      ),
    )
  })

  it('duplicate', async () => {
    await refused(
      await get(
        `/api/media/${media.id}/duplicate`,
        authed(editor.token, { method: 'POST', body: JSON.stringify(remote) }),
      ),
    )
  })

  it('GraphQL update', async () => {
    const result = await graphql(
      `mutation { updateMedia(id: ${gqlId(media.id)}, data: { url: "${remote.url}", filename: "x.png" }) { id } }`,
      editor.token,
    )
    expect(JSON.stringify(result.errors)).toMatch(/Upload fra en webadresse er slået fra|url/)
  })

  it('leaves the stored file alone', async () => {
    const stored = await payload.findByID({ collection: 'media', id: media.id, depth: 0 })
    expect(stored.filename).toBe(media.filename)
    expect(stored.url).not.toContain('169.254')
  })
})
