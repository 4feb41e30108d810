import { unstable_cache } from 'next/cache'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf } from '@/lib/data/reshape'
import { escapeHtml } from '@/lib/html'
import { bodyToHtml } from '@/lib/richtext/html'

export const FEED_SIZE = 20

export type FeedItem = {
  title: string
  slug: string
  lead: string | null
  publishedAt: string
  /** The whole story as HTML with absolute links, for content:encoded. */
  html: string
}

/** The newest published stories with their full text, for /feed.xml. */
export const getFeedItems = (origin: string): Promise<FeedItem[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { _status: { equals: 'published' } },
        sort: '-publishedAt',
        limit: FEED_SIZE,
        // The feed prints no count: without it the database never counts every published story.
        pagination: false,
        depth: 1,
        overrideAccess: false,
        select: {
          title: true,
          slug: true,
          lead: true,
          publishedAt: true,
          updatedAt: true,
          body: true,
          featuredQuote: true,
        },
      })
      const quotes = await loadQuotes(payload, docs.flatMap(quoteIdsOf))
      return docs.flatMap((doc) => {
        if (!doc.slug) return []
        const body = doc.body ? bodyToHtml(doc.body as SerializedEditorState, quotes, origin) : ''
        const lead = doc.lead ? `<p><strong>${escapeHtml(doc.lead)}</strong></p>` : ''
        return [
          {
            title: doc.title,
            slug: doc.slug,
            lead: doc.lead ?? null,
            publishedAt: doc.publishedAt ?? doc.updatedAt,
            html: `${lead}${body}`,
          },
        ]
      })
    },
    ['feed', origin],
    { tags: [TAGS.articles, TAGS.quotes, TAGS.interns, TAGS.contacts] },
  )()
