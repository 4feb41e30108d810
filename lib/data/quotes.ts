import type { Payload } from 'payload'
import { reshapeQuote } from '@/lib/data/reshape'
import type { QuoteView } from '@/lib/data/types'

/** Loads the given quotes with their speakers in one query, keyed by id. */
export async function loadQuotes(payload: Payload, ids: (number | string)[]): Promise<Record<string, QuoteView>> {
  if (ids.length === 0) return {}
  const { docs } = await payload.find({
    collection: 'quotes',
    where: { id: { in: ids } },
    depth: 1,
    limit: ids.length,
    pagination: false,
    overrideAccess: false,
    select: { text: true, speaker: true, attribution: true },
    populate: {
      interns: { name: true, slug: true, organisation: true },
      contacts: { name: true, slug: true, title: true, organisation: true },
    },
  })
  return Object.fromEntries(docs.map((quote) => [String(quote.id), reshapeQuote(quote)]))
}
