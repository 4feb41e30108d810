import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { findQuotes } from '@/lib/data/quotes'
import { reshapeContact, reshapeIntern } from '@/lib/data/reshape'
import { CARD_TAGS, newestStoryCards } from '@/lib/data/story-cards'
import type { ContactView, InternView, QuoteView, StoryCardView } from '@/lib/data/types'

/** Every intern the public may see (those with publication consent: the access rule decides). */
export const getInterns = (): Promise<InternView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'interns',
        sort: 'name',
        limit: 200,
        depth: 1,
        overrideAccess: false,
      })
      return docs.map(reshapeIntern)
    },
    ['interns:all'],
    { tags: [TAGS.interns, TAGS.media] },
  )()

export type InternPageView = { intern: InternView; quotes: QuoteView[]; stories: StoryCardView[] }

/** One intern with their quotes and the published stories they appear in. */
export const getInternBySlug = cache((slug: string): Promise<InternPageView | null> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'interns',
        where: { slug: { equals: slug } },
        limit: 1,
        depth: 1,
        overrideAccess: false,
      })
      const intern = docs[0]
      if (!intern) return null
      const [quotes, cards] = await Promise.all([
        findQuotes(
          payload,
          {
            and: [
              { 'speaker.relationTo': { equals: 'interns' } },
              { 'speaker.value': { equals: intern.id } },
            ],
          },
          50,
        ),
        newestStoryCards(payload, { interns: { contains: intern.id } }, 50),
      ])
      return {
        intern: reshapeIntern(intern),
        quotes,
        stories: cards,
      }
    },
    ['intern', slug],
    { tags: CARD_TAGS },
  )(),
)

/** The contact persons, in the editor's chosen order. */
export const getContacts = (): Promise<ContactView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'contacts',
        sort: ['sortOrder', 'name'],
        limit: 100,
        depth: 1,
        overrideAccess: false,
      })
      return docs.map(reshapeContact)
    },
    ['contacts:all'],
    { tags: [TAGS.contacts, TAGS.media] },
  )()
