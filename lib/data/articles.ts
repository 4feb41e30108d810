import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf, reshapeStory, reshapeStoryCard } from '@/lib/data/reshape'
import type { StoryCardView, StoryView } from '@/lib/data/types'

/** The tags every story card depends on: the story list itself and what a card shows from elsewhere. */
const CARD_TAGS = [TAGS.articles, TAGS.quotes, TAGS.interns, TAGS.contacts, TAGS.media]

/** The newest published stories, for the home page. */
export const getLatestStories = (limit = 6): Promise<StoryCardView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'articles',
        where: { _status: { equals: 'published' } },
        sort: '-publishedAt',
        limit,
        depth: 1,
        overrideAccess: false,
        select: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, featuredQuote: true },
      })
      const quotes = await loadQuotes(payload, docs.flatMap(quoteIdsOf))
      return docs.map((doc) => reshapeStoryCard(doc, quotes))
    },
    ['stories:latest', String(limit)],
    { tags: CARD_TAGS },
  )()

/**
 * One published story with everything its page shows. Deduplicated per request with React's `cache`
 * (metadata and page both ask), and kept across requests under the story's own tag.
 */
export const getStoryBySlug = cache(
  (slug: string): Promise<StoryView | null> =>
    unstable_cache(
      async () => {
        const payload = await payloadClient()
        const { docs } = await payload.find({
          collection: 'articles',
          where: { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] },
          limit: 1,
          depth: 1,
          overrideAccess: false,
        })
        const article = docs[0]
        if (!article) return null
        const quotes = await loadQuotes(payload, quoteIdsOf(article))
        return reshapeStory(article, quotes)
      },
      ['story', slug],
      { tags: [TAGS.article(slug), ...CARD_TAGS, TAGS.topics] },
    )(),
)

export const STORIES_PER_PAGE = 12

export type StoryPageView = { stories: StoryCardView[]; page: number; totalPages: number; totalStories: number }

/**
 * One page of published stories, newest first. Payload paginates with LIMIT/OFFSET on the indexed
 * `publishedAt`, so a deep page does not load the pages before it. Null when the page does not exist.
 */
export const getStoriesPage = (page: number): Promise<StoryPageView | null> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const result = await payload.find({
        collection: 'articles',
        where: { _status: { equals: 'published' } },
        sort: '-publishedAt',
        limit: STORIES_PER_PAGE,
        page,
        depth: 1,
        overrideAccess: false,
        select: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, featuredQuote: true },
      })
      const totalPages = Math.max(1, result.totalPages)
      if (page > totalPages) return null
      const quotes = await loadQuotes(payload, result.docs.flatMap(quoteIdsOf))
      return {
        stories: result.docs.map((doc) => reshapeStoryCard(doc, quotes)),
        page,
        totalPages,
        totalStories: result.totalDocs,
      }
    },
    ['stories:page', String(page)],
    { tags: CARD_TAGS },
  )()
