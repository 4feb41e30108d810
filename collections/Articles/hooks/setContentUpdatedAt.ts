import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '@/payload-types'

/** What a reader reads: a change to any of these is a change to the story. */
const CONTENT_FIELDS = ['title', 'lead', 'heroImage', 'body', 'featuredQuote'] as const

/** A relation as its id, whether it arrives populated or not, so the same value compares equal. */
function comparable(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value)
    return JSON.stringify((value as { id: unknown }).id)
  return JSON.stringify(value ?? null)
}

/** True when the reader would see something different. */
export function contentChanged(before: Partial<Article>, after: Partial<Article>): boolean {
  return CONTENT_FIELDS.some(
    (field) => field in after && comparable(after[field]) !== comparable(before[field]),
  )
}

/**
 * `contentUpdatedAt` ("Opdateret <dato>" on the page) is stamped when a story that readers can already see
 * is published again with different content. The comparison is with what readers see: the collection's own
 * row, which draft saves and autosaves never write (Payload keeps those as versions only), not
 * `originalDoc`, which is the newest version and so may be an autosaved draft holding the very change that
 * is being published. Saving the same content again, or changing only its topics or people, is no update.
 */
export const setContentUpdatedAt: CollectionBeforeChangeHook<Article> = async ({
  data,
  originalDoc,
  operation,
  req,
}) => {
  if (operation !== 'update' || data._status !== 'published' || originalDoc?.id === undefined) return data
  const published = await req.payload.findByID({
    collection: 'articles',
    id: originalDoc.id,
    draft: false,
    depth: 0,
    overrideAccess: true,
    req,
    select: {
      _status: true,
      publishedAt: true,
      title: true,
      lead: true,
      heroImage: true,
      body: true,
      featuredQuote: true,
    },
  })
  if (published._status === 'published' && published.publishedAt && contentChanged(published, data)) {
    return { ...data, contentUpdatedAt: new Date().toISOString() }
  }
  return data
}
