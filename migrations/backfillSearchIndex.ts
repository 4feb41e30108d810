import type { Payload, PayloadRequest } from 'payload'
import { buildSearchIndex } from '@/collections/Articles/hooks/searchIndex'

/**
 * Fills `searchIndex` for stories saved before the column existed. Migrations run as an operator's
 * command, so they read every story, drafts included, past access control.
 */
export async function backfillSearchIndex(payload: Payload, req: PayloadRequest): Promise<void> {
  const { docs } = await payload.find({
    collection: 'articles',
    pagination: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: { title: true, lead: true, body: true, featuredQuote: true },
  })
  for (const article of docs) {
    const searchIndex = await buildSearchIndex(payload, article, req)
    await payload.db.updateOne({ collection: 'articles', id: article.id, data: { searchIndex }, req })
  }
  payload.logger.info(`Search index built for ${docs.length} stories.`)
}
