import type { Where } from 'payload'
import type { User } from '@/payload-types'

/** Who reads: the public (published versions) or an editor previewing drafts with their own access. */
export type Reader = { draft: boolean; user?: User }

/**
 * The Local API arguments that read one document by slug as `reader` may see it: the published version
 * for the public page, the newest draft for a preview. Access is always the reader's own.
 */
export function bySlug(slug: string, { draft, user }: Reader) {
  const where: Where = draft
    ? { slug: { equals: slug } }
    : { and: [{ slug: { equals: slug } }, { _status: { equals: 'published' } }] }
  return { where, limit: 1, depth: 1, draft, user, overrideAccess: false } as const
}
