import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import { unstable_cache } from 'next/cache'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf } from '@/lib/data/reshape'
import { normalizeForSearch, snippet } from '@/lib/search'

export const SEARCH_PAGE_SIZE = 10
/** Matches ranked per query; a query matching more than this shows the best ones and says so. */
const MAX_CANDIDATES = 200

export type SearchHit = {
  id: number | string
  title: string
  slug: string
  lead: string | null
  publishedAt: string | null
  /** Where the query was found when it is not in the title or lead (body text or a quote). */
  excerpt: string | null
  titleMatch: boolean
}

export type SearchResults = { hits: SearchHit[]; total: number; page: number; totalPages: number; capped: boolean }

/**
 * Published stories whose title, lead, body or quotes contain the query, title matches first, then newest
 * first. Matching runs on the normalised `searchIndex`, so case and NFC/NFD differences do not matter.
 */
export const searchStories = (query: string, page: number): Promise<SearchResults> => {
  const needle = normalizeForSearch(query)
  return unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs, totalDocs } = await payload.find({
        collection: 'articles',
        where: { and: [{ _status: { equals: 'published' } }, { searchIndex: { like: needle } }] },
        sort: '-publishedAt',
        limit: MAX_CANDIDATES,
        depth: 0,
        overrideAccess: false,
        select: { title: true, slug: true, lead: true, publishedAt: true },
      })
      const ranked = docs
        .map((doc, order) => ({ doc, order, titleMatch: normalizeForSearch(doc.title).includes(needle) }))
        .sort((a, b) => Number(b.titleMatch) - Number(a.titleMatch) || a.order - b.order)
      const totalPages = Math.max(1, Math.ceil(ranked.length / SEARCH_PAGE_SIZE))
      const pageItems = ranked.slice((page - 1) * SEARCH_PAGE_SIZE, page * SEARCH_PAGE_SIZE)

      // Excerpts only for the page shown: its stories' bodies and quotes, in two queries.
      const needsExcerpt = pageItems.filter(
        ({ doc, titleMatch }) => !titleMatch && !normalizeForSearch(doc.lead ?? '').includes(needle),
      )
      const excerpts = new Map<string, string | null>()
      if (needsExcerpt.length > 0) {
        const full = await payload.find({
          collection: 'articles',
          where: { id: { in: needsExcerpt.map(({ doc }) => doc.id) } },
          depth: 0,
          limit: needsExcerpt.length,
          overrideAccess: false,
          select: { body: true, featuredQuote: true },
        })
        const quotes = await loadQuotes(payload, full.docs.flatMap(quoteIdsOf))
        for (const doc of full.docs) {
          const body = doc.body ? convertLexicalToPlaintext({ data: doc.body as SerializedEditorState }) : ''
          const quoteTexts = quoteIdsOf(doc).map((id) => quotes[String(id)]?.text ?? '')
          excerpts.set(String(doc.id), [body, ...quoteTexts].map((t) => snippet(t, query)).find(Boolean) ?? null)
        }
      }
      return {
        hits: pageItems.flatMap(({ doc, titleMatch }) =>
          doc.slug
            ? [
                {
                  id: doc.id,
                  title: doc.title,
                  slug: doc.slug,
                  lead: doc.lead ?? null,
                  publishedAt: doc.publishedAt ?? null,
                  excerpt: excerpts.get(String(doc.id)) ?? null,
                  titleMatch,
                },
              ]
            : [],
        ),
        total: Math.min(totalDocs, MAX_CANDIDATES),
        page,
        totalPages,
        capped: totalDocs > MAX_CANDIDATES,
      }
    },
    ['search', needle, String(page)],
    { tags: [TAGS.articles, TAGS.quotes] },
  )()
}
