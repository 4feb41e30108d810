import type { GlobalAfterChangeHook } from 'payload'
import { type GlobalSlug, TAGS } from '@/lib/cache-tags'
import { revalidate } from '@/lib/revalidate'

/** Site-wide settings appear on every page; each page that reads one is tagged with it. */
export function revalidateGlobal(slug: GlobalSlug): GlobalAfterChangeHook {
  return ({ doc, req }) => {
    revalidate(req, { tags: [TAGS.global(slug)] })
    return doc
  }
}
