import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf, reshapeStoryCard, reshapeTopic } from '@/lib/data/reshape'
import type { StoryCardView, TopicView } from '@/lib/data/types'
import { STORIES_PER_PAGE } from '@/lib/data/articles'

export type TopicPageView = {
  topic: TopicView
  stories: StoryCardView[]
  page: number
  totalPages: number
  totalStories: number
}

/** One topic and one page of its published stories, newest first; null when either does not exist. */
export const getTopicPage = cache(
  (slug: string, page: number): Promise<TopicPageView | null> =>
    unstable_cache(
      async () => {
        const payload = await payloadClient()
        const { docs } = await payload.find({
          collection: 'topics',
          where: { slug: { equals: slug } },
          limit: 1,
          depth: 0,
          overrideAccess: false,
        })
        const topicDoc = docs[0]
        const topic = topicDoc ? reshapeTopic(topicDoc) : null
        if (!topicDoc || !topic) return null
        const result = await payload.find({
          collection: 'articles',
          where: { and: [{ topics: { contains: topicDoc.id } }, { _status: { equals: 'published' } }] },
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
          topic,
          stories: result.docs.map((doc) => reshapeStoryCard(doc, quotes)),
          page,
          totalPages,
          totalStories: result.totalDocs,
        }
      },
      ['topic', slug, String(page)],
      { tags: [TAGS.topics, TAGS.articles, TAGS.quotes, TAGS.interns, TAGS.contacts, TAGS.media] },
    )(),
)

/** All topics, for navigation and the sitemap. */
export const getTopics = (): Promise<TopicView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({ collection: 'topics', sort: 'name', limit: 200, depth: 0, overrideAccess: false })
      return docs.map(reshapeTopic).filter((t): t is TopicView => t !== null)
    },
    ['topics:all'],
    { tags: [TAGS.topics] },
  )()
