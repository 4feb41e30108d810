import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/** Slugs and publish dates as the editor experiences them through the Local API. */

let payload: Payload
const created: { collection: 'topics' | 'articles'; id: DefaultDocumentIDType }[] = []

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const { collection, id } of created) {
    await removeDocument(payload, collection, id)
  }
})

describe('slugs', () => {
  it('are generated from the title with Danish letters transliterated, and numbered when taken', async () => {
    const names = ['Grøn Økonomi på Ærø', 'Grøn økonomi på ærø!', 'GRØN ØKONOMI PÅ ÆRØ'.normalize('NFD')]
    const slugs: (string | null | undefined)[] = []
    for (const name of names) {
      const topic = await payload.create({
        collection: 'topics',
        data: { name },
        overrideAccess: true,
        context: testContext,
      })
      created.push({ collection: 'topics', id: topic.id })
      slugs.push(topic.slug)
    }
    expect(slugs).toEqual([
      'groen-oekonomi-paa-aeroe',
      'groen-oekonomi-paa-aeroe-2',
      'groen-oekonomi-paa-aeroe-3',
    ])
  })

  it('keep an edited slug normalised and unique, and a document keeps its own slug on save', async () => {
    const topic = await payload.create({
      collection: 'topics',
      data: { name: 'Borgerinddragelse', slug: '  Min Egen Adresse!! ' },
      overrideAccess: true,
      context: testContext,
    })
    created.push({ collection: 'topics', id: topic.id })
    expect(topic.slug).toBe('min-egen-adresse')
    const resaved = await payload.update({
      collection: 'topics',
      id: topic.id,
      data: { description: 'Opdateret' },
      overrideAccess: true,
      context: testContext,
    })
    expect(resaved.slug).toBe('min-egen-adresse')
  })
})

describe('publishedAt', () => {
  it('is set on the first publish and kept on later ones', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: { title: 'En historie om datoer', _status: 'draft' },
      draft: true,
      overrideAccess: true,
      context: testContext,
    })
    created.push({ collection: 'articles', id: draft.id })
    expect(draft.publishedAt ?? null).toBeNull()
    const published = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { _status: 'published' },
      overrideAccess: true,
      context: testContext,
    })
    expect(published.publishedAt).toEqual(expect.any(String))
    const again = await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { lead: 'Ny manchet', _status: 'published' },
      overrideAccess: true,
      context: testContext,
    })
    expect(again.publishedAt).toBe(published.publishedAt)
  })
})
