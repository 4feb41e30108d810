import type { CollectionSlug } from 'payload'
import { describe, expect, it } from 'vitest'
import { onlyInRunOn } from '../helpers/database'
import { testPayload } from '../helpers/payload'

/**
 * MongoDB has no migrations: Payload builds its indexes on connect from the collection configs, so the
 * indexes a real MongoDB needs are declared there (`index`, `unique`, `indexes`) and checked here, on the
 * database itself. On SQLite and PostgreSQL the same indexes come from the committed migrations.
 */

type MongoIndex = { key: Record<string, number | string>; unique?: boolean }

async function mongoIndexes(collection: CollectionSlug): Promise<MongoIndex[]> {
  const payload = await testPayload()
  const db = payload.db as unknown as {
    collections: Record<string, { listIndexes: () => Promise<MongoIndex[]> }>
  }
  return db.collections[collection]!.listIndexes()
}

const why = 'SQL databases get their indexes from the committed migrations'

describe('MongoDB indexes from the collection configs', () => {
  it.for(['articles', 'pages', 'topics', 'interns', 'contacts'] as const)(
    '%s: slug is unique',
    async (collection, ctx) => {
      onlyInRunOn(ctx, 'mongodb', why)
      expect(await mongoIndexes(collection)).toContainEqual(
        expect.objectContaining({ key: { slug: 1 }, unique: true }),
      )
    },
  )

  it('articles: _status + publishedAt, for the story lists', async (ctx) => {
    onlyInRunOn(ctx, 'mongodb', why)
    expect(await mongoIndexes('articles')).toContainEqual(
      expect.objectContaining({ key: { _status: 1, publishedAt: 1 } }),
    )
  })

  it('a second story with the same slug is refused by the database itself', async (ctx) => {
    onlyInRunOn(ctx, 'mongodb', why)
    const payload = await testPayload()
    const [story] = (await payload.find({ collection: 'articles', limit: 1, depth: 0, overrideAccess: true }))
      .docs
    await expect(
      payload.db.create({
        collection: 'articles',
        data: { title: 'Dublet', slug: story!.slug, _status: 'draft' },
      }),
    ).rejects.toThrow()
  })
})
