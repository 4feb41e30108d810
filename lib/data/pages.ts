import { unstable_cache } from 'next/cache'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { reshapeImage } from '@/lib/data/reshape'
import type { SeoView } from '@/lib/data/types'
import type { User } from '@/payload-types'
import { bySlug, type Reader } from '@/lib/data/reader'

export type PageView = {
  title: string
  slug: string
  lead: string | null
  body: SerializedEditorState | null
  seo: SeoView
  updatedAt: string
}

async function loadPage(slug: string, reader: Reader): Promise<PageView | null> {
  const payload = await payloadClient()
  const { docs } = await payload.find({ collection: 'pages', ...bySlug(slug, reader) })
  const page = docs[0]
  if (!page?.slug) return null
  return {
    title: page.title,
    slug: page.slug,
    lead: page.lead ?? null,
    body: (page.body as SerializedEditorState | null | undefined) ?? null,
    seo: {
      title: page.seo?.title ?? null,
      description: page.seo?.description ?? null,
      image: reshapeImage(page.seo?.image, 'og'),
    },
    updatedAt: page.updatedAt,
  }
}

/** A published free page by its slug. */
export const getPageBySlug = cache((slug: string): Promise<PageView | null> =>
  unstable_cache(() => loadPage(slug, { draft: false }), ['page', slug], {
    tags: [TAGS.page(slug), TAGS.pages, TAGS.media],
  })(),
)

/** The newest draft of a free page for an editor's preview; never cached. */
export const getPageDraft = cache((slug: string, user: User): Promise<PageView | null> =>
  loadPage(slug, { draft: true, user }),
)

/** Slugs and dates of every published page, for the sitemap. */
export async function listPublishedPages(): Promise<{ slug: string; updatedAt: string }[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'pages',
    where: { _status: { equals: 'published' } },
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { slug: true, updatedAt: true },
  })
  return docs.flatMap((d) => (d.slug ? [{ slug: d.slug, updatedAt: d.updatedAt }] : []))
}
