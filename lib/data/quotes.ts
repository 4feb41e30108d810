import type { DefaultDocumentIDType, Payload, Where } from 'payload'
import { reshapeQuote } from '@/lib/data/reshape'
import type { QuoteView } from '@/lib/data/types'

/** Quotes matching `where`, with their speakers (name, slug and what the attribution needs), in one query. */
export async function findQuotes(payload: Payload, where: Where, limit: number): Promise<QuoteView[]> {
  const { docs } = await payload.find({
    collection: 'quotes',
    where,
    depth: 1,
    limit,
    sort: 'createdAt',
    overrideAccess: false,
    select: { text: true, speaker: true, attribution: true },
    populate: {
      interns: { name: true, slug: true, organisation: true },
      contacts: { name: true, slug: true, title: true, organisation: true },
    },
  })
  return docs.map(reshapeQuote)
}

/** The given quotes, keyed by id, for a renderer that meets them by id in rich text. */
export async function loadQuotes(
  payload: Payload,
  ids: DefaultDocumentIDType[],
): Promise<Record<string, QuoteView>> {
  if (ids.length === 0) return {}
  const quotes = await findQuotes(payload, { id: { in: ids } }, ids.length)
  return Object.fromEntries(quotes.map((quote) => [String(quote.id), quote]))
}
