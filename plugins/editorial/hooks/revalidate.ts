import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  GlobalAfterChangeHook,
  TypeWithID,
} from 'payload'
import { type GlobalSlug, TAGS } from '@/lib/cache-tags'
import { revalidate, type Targets } from '@/lib/revalidate'

/** Site-wide settings appear on every page; each page that reads one is tagged with it. */
export function revalidateGlobal(slug: GlobalSlug): GlobalAfterChangeHook {
  const revalidateGlobalChange: GlobalAfterChangeHook = ({ doc, req }) => {
    revalidate(req, { tags: [TAGS.global(slug)] })
    return doc
  }
  return revalidateGlobalChange
}

/** A document of a collection with drafts carries its status; others are always public once saved. */
type MaybeVersioned = { _status?: 'draft' | 'published' | null }

/**
 * Whether the public can see a difference: the document is (now) published, or was before this change
 * (an unpublish, or a published document whose slug or content changed). A draft saved over a draft, which
 * is what the admin's autosave does every few seconds while the editor types, changes nothing public.
 */
export function changesWhatThePublicSees(doc: MaybeVersioned, previousDoc?: MaybeVersioned): boolean {
  if (!('_status' in doc) || doc._status === undefined) return true
  return doc._status === 'published' || previousDoc?._status === 'published'
}

/**
 * afterChange/afterDelete hooks that refresh what `targets` names for the document (and for its previous
 * version, so a renamed slug clears the old URL too), on changes the public can see.
 */
export function revalidationHooks<T extends TypeWithID>(
  targets: (doc: T, previousDoc?: T) => Targets,
): { afterChange: CollectionAfterChangeHook<T>[]; afterDelete: CollectionAfterDeleteHook<T>[] } {
  const revalidateChange: CollectionAfterChangeHook<T> = ({ doc, previousDoc, req }) => {
    if (changesWhatThePublicSees(doc as MaybeVersioned, previousDoc as MaybeVersioned | undefined)) {
      revalidate(req, targets(doc, previousDoc))
    }
    return doc
  }
  const revalidateDelete: CollectionAfterDeleteHook<T> = ({ doc, req }) => {
    // A draft that was never published (or was unpublished) leaves nothing public behind.
    if (changesWhatThePublicSees(doc as MaybeVersioned)) revalidate(req, targets(doc))
    return doc
  }
  return {
    afterChange: [revalidateChange],
    afterDelete: [revalidateDelete],
  }
}
