import { PayloadSDK, PayloadSDKError } from '@payloadcms/sdk'
import type { DefaultDocumentIDType, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Config } from '@/payload-types'
import { baseUrl } from '../helpers/http'
import { testPayload } from '../helpers/payload'
import { restCreate, restLogin, restRemove } from '../helpers/rest'
import { uploadMedia } from '../helpers/upload'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Conformance of the public REST API with the official client, typed from payload-types.ts, against the
 * running production build: what a newsletter or another municipal system would do with it.
 */

type PublicSlug = 'articles' | 'pages' | 'quotes' | 'interns' | 'contacts' | 'topics' | 'media'

/** Per collection: a public text field to sort, select and filter on. */
const COLLECTIONS: Record<PublicSlug, string> = {
  articles: 'title',
  pages: 'title',
  quotes: 'text',
  interns: 'name',
  contacts: 'name',
  topics: 'name',
  media: 'alt',
}

let sdk: PayloadSDK<Config>
let payload: Payload
const cleanup: { collection: PublicSlug; id: DefaultDocumentIDType }[] = []
let draftId: DefaultDocumentIDType
let hiddenInternId: DefaultDocumentIDType
let admin: TestUser & { token: string }

beforeAll(async () => {
  payload = await testPayload()
  sdk = new PayloadSDK<Config>({ baseURL: `${baseUrl()}/api` })
  // The fixtures are written over REST as an administrator, so the server's caches hear of them (a cached
  // anonymous answer from an earlier test file would otherwise still count the documents without them).
  admin = await restLogin(payload, 'admin')
  // Two documents at least in every collection, so paging and sorting have something to show.
  const png = await sharp({ create: { width: 64, height: 40, channels: 3, background: '#0b4f6c' } })
    .png()
    .toBuffer()
  for (const [alt, name] of [
    ['Første testbillede', 'sdk-a.png'],
    ['Andet testbillede', 'sdk-b.png'],
  ] as const) {
    const { status, body } = await uploadMedia({
      token: admin.token,
      file: png,
      name,
      type: 'image/png',
      data: { alt },
    })
    if (status !== 201 || !body.doc) throw new Error(`upload failed: ${status} ${JSON.stringify(body)}`)
    cleanup.push({ collection: 'media', id: body.doc.id })
  }
  for (const slug of ['quotes', 'contacts', 'topics'] as const) {
    const { totalDocs } = await payload.count({ collection: slug, overrideAccess: true })
    if (totalDocs >= 2) continue
    const data =
      slug === 'quotes'
        ? { text: 'Et testcitat til API-testen', attribution: 'Testperson' }
        : slug === 'contacts'
          ? { name: 'Testkontakt til API-testen', email: 'test@example.org' }
          : { name: 'Testemne til API-testen' }
    const doc = await restCreate(admin.token, slug, data)
    cleanup.push({ collection: slug, id: doc.id })
  }
  const draft = await restCreate(
    admin.token,
    'articles',
    { title: 'SDK-kladde der ikke må ses', _status: 'draft' },
    '?draft=true',
  )
  draftId = draft.id
  const hidden = await restCreate(admin.token, 'interns', {
    name: 'SDK-praktikant uden samtykke',
    publicationConsent: false,
    consentNote: 'fortroligt',
  })
  hiddenInternId = hidden.id
})

afterAll(async () => {
  for (const { collection, id } of cleanup) {
    await restRemove(admin.token, collection, id)
  }
  await restRemove(admin.token, 'articles', draftId)
  await restRemove(admin.token, 'interns', hiddenInternId)
  await deleteUser(payload, admin)
})

describe.each(Object.entries(COLLECTIONS) as [PublicSlug, string][])(
  '%s through @payloadcms/sdk',
  (collection, field) => {
    it('find, findByID and count agree', async () => {
      const page = await sdk.find({ collection, limit: 100, depth: 0 })
      expect(page.totalDocs).toBeGreaterThanOrEqual(
        collection === 'articles' || collection === 'pages' ? 1 : 2,
      )
      const { totalDocs } = await sdk.count({ collection })
      expect(totalDocs).toBe(page.totalDocs)
      const first = page.docs[0]!
      const byId = await sdk.findByID({ collection, id: first.id, depth: 0 })
      expect(byId.id).toBe(first.id)
    })

    it('pages through the results', async () => {
      const all = await sdk.find({ collection, limit: 100, depth: 0, sort: 'id' })
      const pageOne = await sdk.find({ collection, limit: 1, page: 1, depth: 0, sort: 'id' })
      expect(pageOne.docs).toHaveLength(1)
      expect(pageOne.totalPages).toBe(all.totalDocs)
      expect(pageOne.hasNextPage).toBe(all.totalDocs > 1)
      if (all.totalDocs > 1) {
        const pageTwo = await sdk.find({ collection, limit: 1, page: 2, depth: 0, sort: 'id' })
        expect(pageTwo.docs[0]!.id).toBe(all.docs[1]!.id)
        expect(pageTwo.hasPrevPage).toBe(true)
      }
    })

    it('sorts both ways', async () => {
      const up = await sdk.find({ collection, limit: 100, depth: 0, sort: field as never })
      const down = await sdk.find({ collection, limit: 100, depth: 0, sort: `-${field}` as never })
      const values = (docs: unknown[]) => docs.map((d) => String((d as Record<string, unknown>)[field]))
      expect(values(down.docs)).toEqual([...values(up.docs)].reverse())
      const sorted = [...values(up.docs)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
      expect(values(up.docs).map((v) => v.toLowerCase())).toEqual(sorted.map((v) => v.toLowerCase()).sort())
    })

    it('selects only the fields asked for', async () => {
      const page = await sdk.find({ collection, limit: 5, depth: 0, select: { [field]: true } as never })
      for (const doc of page.docs) expect(Object.keys(doc).sort()).toEqual(['id', field].sort())
    })

    it('filters with where', async () => {
      const { docs } = await sdk.find({ collection, limit: 1, depth: 0 })
      const value = (docs[0] as unknown as Record<string, unknown>)[field] as string
      const found = await sdk.find({ collection, depth: 0, where: { [field]: { equals: value } } as never })
      expect(found.totalDocs).toBeGreaterThanOrEqual(1)
      for (const doc of found.docs) expect((doc as unknown as Record<string, unknown>)[field]).toBe(value)
      const none = await sdk.find({
        collection,
        depth: 0,
        where: { [field]: { equals: 'findes ikke 9f2c' } } as never,
      })
      expect(none.totalDocs).toBe(0)
    })
  },
)

describe('published content and public fields only', () => {
  it('leaves drafts out of find and count, and answers findByID for a draft with 404', async () => {
    const { docs } = await sdk.find({ collection: 'articles', limit: 100, depth: 0, draft: true })
    expect(docs.map((d) => d.id)).not.toContain(draftId)
    const all = await sdk.find({ collection: 'articles', limit: 100, depth: 0 })
    expect(all.docs.every((d) => d._status === 'published')).toBe(true)
    const { totalDocs } = await sdk.count({ collection: 'articles' })
    expect(totalDocs).toBe(all.totalDocs)
    const error = await sdk.findByID({ collection: 'articles', id: draftId }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PayloadSDKError)
    expect((error as PayloadSDKError).status).toBe(404)
  })

  it('shows interns with publication consent only, without the consent record', async () => {
    const { docs } = await sdk.find({ collection: 'interns', limit: 100, depth: 0 })
    expect(docs.map((d) => d.id)).not.toContain(hiddenInternId)
    for (const intern of docs) {
      expect(intern).not.toHaveProperty('publicationConsent')
      expect(intern).not.toHaveProperty('consentNote')
      expect(intern).not.toHaveProperty('consentRecordedAt')
    }
  })

  it('never sends the search index or user data with a story', async () => {
    const { docs } = await sdk.find({ collection: 'articles', limit: 10, depth: 2 })
    const text = JSON.stringify(docs)
    expect(text).not.toMatch(/searchIndex|publicationConsent|consentNote|"email":"[^"]*@[^"]*","role"/)
  })

  it('reads the public globals', async () => {
    const site = await sdk.findGlobal({ slug: 'site' })
    expect(site.name).toBe('Faxe i Fællesskab')
  })

  it('refuses an unbounded request with a 400 the client can show', async () => {
    const error = await sdk.find({ collection: 'articles', limit: 1000 }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PayloadSDKError)
    expect((error as PayloadSDKError).status).toBe(400)
  })
})
