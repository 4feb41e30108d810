import type { CollectionSlug } from 'payload'
import { describe, expect, it } from 'vitest'
import { seed } from '@/seeds/load'
import { seedData } from '@/seeds/story'
import { testPayload } from '../helpers/payload'

const SEEDED: CollectionSlug[] = ['articles', 'quotes', 'interns', 'contacts', 'topics']

async function snapshot() {
  const payload = await testPayload()
  const result: Record<string, (number | string)[]> = {}
  for (const collection of SEEDED) {
    const { docs } = await payload.find({
      collection,
      depth: 0,
      limit: 100,
      draft: true,
      sort: 'id',
      overrideAccess: true,
    })
    result[collection] = docs.map((d) => d.id)
  }
  return result
}

describe('the seed', () => {
  it('has written the seed story with its people, quotes and settings', async () => {
    const payload = await testPayload()
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'innovationspraktikanter-kiggede-faxe-kommune-i-kortene' } },
      depth: 2,
      overrideAccess: true,
    })
    const article = docs[0]
    expect(article?.title).toBe('Innovationspraktikanter kiggede Faxe Kommune i kortene')
    expect(article?._status).toBe('published')
    expect(article?.publishedAt).toEqual(expect.any(String))
    const featured = article?.featuredQuote
    expect(typeof featured === 'object' && featured?.text).toBe(
      'Det var et gennemarbejdet og struktureret program, der sikrede en praksisnærhed!',
    )
    const internNames = (article?.interns ?? []).map((i) => (typeof i === 'object' ? i.name : i))
    expect(internNames).toEqual([
      'Charlotte Gisselmann Jessen',
      'Charlotte Åkerstrøm',
      'Victor Mørk Johansen',
    ])
    const contacts = (article?.contacts ?? []).map((c) => (typeof c === 'object' ? c.email : c))
    expect(contacts).toEqual(['tbrag@faxekommune.dk'])

    const site = await payload.findGlobal({ slug: 'site', overrideAccess: true })
    expect(site.vision?.statement).toBe('FAXE ER ET TILVALG - DET ER VORES VISION')
    expect(site.vision?.motto).toBe('SAMMEN kan vi MERE')
    const footer = await payload.findGlobal({ slug: 'footer', overrideAccess: true })
    expect(footer.addressLine).toBe('Faxe Kommune | Frederiksgade 9 | 4690 Haslev')
  })

  it('every quote of the story points back to it', async () => {
    const payload = await testPayload()
    const { docs } = await payload.find({ collection: 'quotes', depth: 0, limit: 50, overrideAccess: true })
    const seeded = docs.filter((q) => seedData.quotes.some((s) => s.text === q.text))
    expect(seeded).toHaveLength(seedData.quotes.length)
    const story = await payload.find({
      collection: 'articles',
      where: { slug: { equals: seedData.articles[0]?.slug } },
      depth: 0,
      overrideAccess: true,
    })
    expect(story.docs).toHaveLength(1)
    expect(seeded.map((q) => q.article)).toEqual(seeded.map(() => story.docs[0]?.id))
  })

  it('is idempotent: a second run writes nothing and leaves the same documents', async () => {
    const payload = await testPayload()
    const before = await snapshot()
    const result = await seed(payload)
    expect(result.created).toBe(0)
    expect(result.unchanged).toBeGreaterThan(10)
    expect(await snapshot()).toEqual(before)
  })

  it('refuses an invalid seed file with a clear message and writes nothing', async () => {
    const payload = await testPayload()
    const before = await snapshot()
    const broken = { ...seedData, quotes: [{ ...seedData.quotes[0], speaker: { intern: 'ukendt-person' } }] }
    await expect(seed(payload, () => {}, broken)).rejects.toThrow(
      /seed file is invalid[\s\S]*unknown intern "ukendt-person"/,
    )
    expect(await snapshot()).toEqual(before)
  })
})
