import { unstable_cache } from 'next/cache'
import { PATHS, TAGS, storiesPagePath } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { listPublishedPages } from '@/lib/data/pages'
import { STORIES_PER_PAGE } from '@/lib/data/story-cards'

export type SitemapEntry = { path: string; lastModified: string }

/**
 * Every public page with its last change. Only the fields needed are selected, so 10,000 stories are one
 * narrow query. Past 50,000 URLs a sitemap must be split into a sitemap index (Next.js's
 * `generateSitemaps`); this site is far from that.
 */
export const getSitemapEntries = (): Promise<SitemapEntry[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const [articles, topics, interns, pages] = await Promise.all([
        payload.find({
          collection: 'articles',
          where: { _status: { equals: 'published' } },
          sort: '-publishedAt',
          pagination: false,
          depth: 0,
          overrideAccess: false,
          select: { slug: true, updatedAt: true },
        }),
        payload.find({
          collection: 'topics',
          pagination: false,
          depth: 0,
          overrideAccess: false,
          select: { slug: true, updatedAt: true },
        }),
        payload.find({
          collection: 'interns',
          pagination: false,
          depth: 0,
          overrideAccess: false,
          select: { slug: true, updatedAt: true },
        }),
        listPublishedPages(),
      ])
      const newest = articles.docs.reduce((max, d) => (d.updatedAt > max ? d.updatedAt : max), '1970-01-01T00:00:00.000Z')
      const listPages = Math.max(1, Math.ceil(articles.docs.length / STORIES_PER_PAGE))
      const entries: SitemapEntry[] = [
        { path: PATHS.home, lastModified: newest },
        ...Array.from({ length: listPages }, (_, i) => ({ path: storiesPagePath(i + 1), lastModified: newest })),
        ...articles.docs.flatMap((d) => (d.slug ? [{ path: PATHS.story(d.slug), lastModified: d.updatedAt }] : [])),
        ...topics.docs.flatMap((d) => (d.slug ? [{ path: PATHS.topic(d.slug), lastModified: d.updatedAt }] : [])),
        { path: PATHS.interns, lastModified: newest },
        ...interns.docs.flatMap((d) => (d.slug ? [{ path: PATHS.intern(d.slug), lastModified: d.updatedAt }] : [])),
        { path: PATHS.contact, lastModified: newest },
        { path: PATHS.about, lastModified: newest },
        ...pages.map((p) => ({ path: PATHS.page(p.slug), lastModified: p.updatedAt })),
      ]
      return entries
    },
    ['sitemap'],
    { tags: [TAGS.articles, TAGS.topics, TAGS.interns, TAGS.contacts, TAGS.pages] },
  )()
