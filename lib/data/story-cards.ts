import type { Payload, Where } from 'payload'
import { TAGS } from '@/lib/cache-tags'
import { loadQuotes } from '@/lib/data/quotes'
import { quoteIdsOf, reshapeStoryCard } from '@/lib/data/reshape'
import type { StoryCardView } from '@/lib/data/types'

/** The tags every story card depends on: the story list itself and what a card shows from elsewhere. */
export const CARD_TAGS = [TAGS.articles, TAGS.quotes, TAGS.interns, TAGS.contacts, TAGS.media]

/** The fields a story card shows; lists never load a story's body. */
export const CARD_SELECT = {
  title: true,
  slug: true,
  lead: true,
  publishedAt: true,
  heroImage: true,
  featuredQuote: true,
} as const

export const STORIES_PER_PAGE = 12

export type StoryCardPage = {
  stories: StoryCardView[]
  page: number
  totalPages: number
  totalStories: number
}

/**
 * One page of published story cards matching `where`, newest first, with their pull quotes. Payload
 * paginates with LIMIT/OFFSET on the indexed `publishedAt`. Null when the page is past the last one.
 */
export async function findStoryCards(
  payload: Payload,
  where: Where,
  { page = 1, limit = STORIES_PER_PAGE }: { page?: number; limit?: number } = {},
): Promise<StoryCardPage | null> {
  const result = await findCards(payload, where, { page, limit, count: true })
  const totalPages = Math.max(1, result.totalPages)
  if (page > totalPages) return null
  const quotes = await loadQuotes(payload, result.docs.flatMap(quoteIdsOf))
  return {
    stories: result.docs.map((doc) => reshapeStoryCard(doc, quotes)),
    page,
    totalPages,
    totalStories: result.totalDocs,
  }
}

/**
 * The newest `limit` published story cards matching `where`, without a count: the home page's latest, a
 * story's related stories and an intern's stories show no page numbers, and counting every match is what
 * grows with the collection (a topic holds thousands of stories at 100,000).
 */
export async function newestStoryCards(
  payload: Payload,
  where: Where,
  limit: number,
): Promise<StoryCardView[]> {
  const result = await findCards(payload, where, { page: 1, limit, count: false })
  const quotes = await loadQuotes(payload, result.docs.flatMap(quoteIdsOf))
  return result.docs.map((doc) => reshapeStoryCard(doc, quotes))
}

function findCards(
  payload: Payload,
  where: Where,
  { page, limit, count }: { page: number; limit: number; count: boolean },
) {
  return payload.find({
    collection: 'articles',
    where: { and: [where, { _status: { equals: 'published' } }] },
    sort: '-publishedAt',
    limit,
    page,
    // Payload counts the matches for its page numbers unless told not to.
    pagination: count,
    depth: 1,
    overrideAccess: false,
    select: CARD_SELECT,
  })
}
