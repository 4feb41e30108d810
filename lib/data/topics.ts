import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { reshapeTopic } from '@/lib/data/reshape'
import { CARD_TAGS, findStoryCards, type StoryCardPage } from '@/lib/data/story-cards'
import type { TopicView } from '@/lib/data/types'

export type TopicPageView = StoryCardPage & { topic: TopicView }

/** One topic and one page of its published stories, newest first; null when either does not exist. */
export const getTopicPage = cache((slug: string, page: number): Promise<TopicPageView | null> =>
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
      const cards = await findStoryCards(payload, { topics: { contains: topicDoc.id } }, { page })
      return cards ? { topic, ...cards } : null
    },
    ['topic', slug, String(page)],
    { tags: [TAGS.topics, ...CARD_TAGS] },
  )(),
)

/** All topics, for navigation and the sitemap. */
export const getTopics = (): Promise<TopicView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'topics',
        sort: 'name',
        limit: 200,
        depth: 0,
        overrideAccess: false,
      })
      return docs.map(reshapeTopic).filter((t): t is TopicView => t !== null)
    },
    ['topics:all'],
    { tags: [TAGS.topics] },
  )()

export type TopicWithCount = TopicView & { storyCount: number }

/**
 * Every topic with the number of published stories about it, for /emner. One count per topic: each is an
 * indexed lookup, where reading every story's topics would grow with the number of stories.
 */
export const getTopicsWithCounts = (): Promise<TopicWithCount[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const topics = await getTopics()
      return Promise.all(
        topics.map(async (topic) => {
          const { totalDocs } = await payload.count({
            collection: 'articles',
            where: { and: [{ topics: { contains: topic.id } }, { _status: { equals: 'published' } }] },
            overrideAccess: false,
          })
          return { ...topic, storyCount: totalDocs }
        }),
      )
    },
    ['topics:counts'],
    { tags: [TAGS.topics, TAGS.articles] },
  )()
