import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf, reshapeStory } from '@/lib/data/reshape'
import { CARD_TAGS, findStoryCards, newestStoryCards, type StoryCardPage } from '@/lib/data/story-cards'
import type { StoryCardView, StoryView } from '@/lib/data/types'
import type { User } from '@/payload-types'
import { bySlug, type Reader } from '@/lib/data/reader'

/** The newest published stories, for the home page. */
export const getLatestStories = (limit = 6): Promise<StoryCardView[]> =>
  unstable_cache(
    async () => newestStoryCards(await payloadClient(), {}, limit),
    ['stories:latest', String(limit)],
    { tags: CARD_TAGS },
  )()

/** How many stories on the same topics a story page suggests. */
const RELATED_STORIES = 3

/** One story with everything its page shows, as `reader` may see it. */
async function loadStory(slug: string, reader: Reader): Promise<StoryView | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({ collection: 'articles', ...bySlug(slug, reader) })
  const article = docs[0]
  if (!article) return null
  const topicIds = (article.topics ?? []).map((t) => (typeof t === 'object' ? t.id : t))
  const [quotes, related] = await Promise.all([
    loadQuotes(payload, quoteIdsOf(article)),
    topicIds.length > 0
      ? newestStoryCards(
          payload,
          { and: [{ topics: { in: topicIds } }, { id: { not_equals: article.id } }] },
          RELATED_STORIES,
        )
      : [],
  ])
  return { ...reshapeStory(article, quotes), related }
}

/**
 * One published story. Deduplicated per request with React's `cache` (metadata and page both ask), and
 * kept across requests under the story's own tag.
 */
export const getStoryBySlug = cache((slug: string): Promise<StoryView | null> =>
  unstable_cache(() => loadStory(slug, { draft: false }), ['story', slug], {
    tags: [TAGS.article(slug), ...CARD_TAGS, TAGS.topics],
  })(),
)

/**
 * The newest draft of a story for an editor's preview: read with the editor's own access, never cached
 * (the next autosave must show).
 */
export const getStoryDraft = cache((slug: string, user: User): Promise<StoryView | null> =>
  loadStory(slug, { draft: true, user }),
)

export type StoryPageView = StoryCardPage

/** One page of all published stories (/historier, /historier/side/<n>); null past the last page. */
export const getStoriesPage = (page: number): Promise<StoryPageView | null> =>
  unstable_cache(
    async () => findStoryCards(await payloadClient(), {}, { page }),
    ['stories:page', String(page)],
    {
      tags: CARD_TAGS,
    },
  )()
