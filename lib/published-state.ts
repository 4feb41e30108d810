import type {
  CollectionBeforeChangeHook,
  CollectionSlug,
  DefaultDocumentIDType,
  PayloadRequest,
} from 'payload'

/**
 * What the public sees of a document: whether it is published and under which slug. That is the
 * collection's main row: with drafts on, saving a draft only writes a version and leaves the main row
 * (the published content) alone, while publishing and unpublishing write it. `previousDoc` in a hook is
 * the latest version, which may be a draft, so it cannot tell an unpublish from saving a draft, nor the
 * live slug from a slug typed into a draft.
 */
export type PublicState = { published: boolean; slug: string | null }

type Id = DefaultDocumentIDType

/** Read straight from the adapter: an internal look-up for hooks, with no access rules or hooks of its own. */
export async function readPublicState(
  req: PayloadRequest,
  collection: string,
  id: Id,
): Promise<PublicState | null> {
  const row = await req.payload.db.findOne<{ id: Id; _status?: unknown; slug?: unknown }>({
    // Hooks know their collection as a plain string; it is always one of ours.
    collection: collection as CollectionSlug,
    where: { id: { equals: id } },
    req,
  })
  if (!row) return null
  return {
    // Collections without drafts have no status: what is stored is what is shown.
    published: row._status === undefined || row._status === 'published',
    slug: typeof row.slug === 'string' ? row.slug : null,
  }
}

// Per request, so concurrent saves never see each other's state; garbage-collected with the request.
const captured = new WeakMap<PayloadRequest, Map<string, PublicState | null>>()
const key = (collection: string, id: Id) => `${collection}:${id}`

/** beforeChange: remembers the public state before an update, for the afterChange hooks that compare. */
export const capturePublicState: CollectionBeforeChangeHook = async ({
  collection,
  data,
  operation,
  originalDoc,
  req,
}) => {
  if (operation !== 'update' || originalDoc?.id === undefined) return data
  let states = captured.get(req)
  if (!states) captured.set(req, (states = new Map()))
  const k = key(collection.slug, originalDoc.id)
  // Both the audit trail and the slug redirects ask for it; one read serves both.
  if (!states.has(k)) states.set(k, await readPublicState(req, collection.slug, originalDoc.id))
  return data
}

/** The public state captured before this request's update of the document (undefined when not captured). */
export function publicStateBefore(
  req: PayloadRequest,
  collection: string,
  id: Id,
): PublicState | null | undefined {
  return captured.get(req)?.get(key(collection, id))
}
