import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { loadQuotes } from '@/lib/data/quotes'
import { reshapeContact, reshapeIntern, reshapeStoryCard } from '@/lib/data/reshape'
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
export const getInternBySlug = cache(
  (slug: string): Promise<InternPageView | null> =>
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
        const [quoteDocs, articleDocs] = await Promise.all([
          payload.find({
            collection: 'quotes',
            where: { and: [{ 'speaker.relationTo': { equals: 'interns' } }, { 'speaker.value': { equals: intern.id } }] },
            depth: 0,
            limit: 50,
            overrideAccess: false,
            select: { text: true },
          }),
          payload.find({
            collection: 'articles',
            where: { and: [{ interns: { contains: intern.id } }, { _status: { equals: 'published' } }] },
            sort: '-publishedAt',
            limit: 50,
            depth: 1,
            overrideAccess: false,
            select: { title: true, slug: true, lead: true, publishedAt: true, heroImage: true, featuredQuote: true },
          }),
        ])
        const quotes = await loadQuotes(
          payload,
          quoteDocs.docs.map((q) => q.id),
        )
        return {
          intern: reshapeIntern(intern),
          quotes: Object.values(quotes),
          stories: articleDocs.docs.map((doc) => reshapeStoryCard(doc, {})),
        }
      },
      ['intern', slug],
      { tags: [TAGS.interns, TAGS.quotes, TAGS.articles, TAGS.media] },
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
