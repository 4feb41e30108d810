import type {
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  DefaultDocumentIDType,
  GlobalBeforeChangeHook,
  PayloadRequest,
} from 'payload'

/** Who made a document and its latest change: the fields are in ../fields.ts, set here from `req.user`. */

/** The logged-in user's id (a number in SQL, a string in MongoDB), or null for the system. */
export function actingUserId(req: PayloadRequest): DefaultDocumentIDType | null {
  const user = req.user
  if (!user || user.collection !== 'users') return null
  return user.id
}

export const stampAuthorship: CollectionBeforeChangeHook = ({ data, operation, req }) => {
  const userId = actingUserId(req)
  return operation === 'create'
    ? { ...data, createdBy: userId, updatedBy: userId }
    : { ...data, updatedBy: userId }
}

export const stampGlobalAuthorship: GlobalBeforeChangeHook = ({ data, req }) => ({
  ...data,
  updatedBy: actingUserId(req),
})

/**
 * When an account is deleted, the documents it made stop pointing at it. SQLite and PostgreSQL do this
 * themselves (the foreign keys are `ON DELETE SET NULL`); MongoDB has no foreign keys, so without this
 * hook documents there would keep the id of an account that no longer exists. Written straight through the
 * adapter: it is bookkeeping, not an editor's change (no version, no audit entry, no new `updatedAt`).
 * Versions keep the id they were saved with, as a record of who made them.
 */
export const forgetDeletedUser: CollectionAfterDeleteHook = async ({ id, req }) => {
  const { payload } = req
  if (payload.db.name !== 'mongoose') return
  for (const collection of payload.config.collections) {
    if (collection.slug.startsWith('payload-')) continue
    for (const field of collection.flattenedFields) {
      if (field.type !== 'relationship' || field.relationTo !== 'users' || field.hasMany) continue
      await payload.db.updateMany({
        collection: collection.slug,
        where: { [field.name]: { equals: id } },
        data: { [field.name]: null },
        req,
        returning: false,
      })
    }
  }
  for (const global of payload.config.globals) {
    const stored = await payload.db.findGlobal({ slug: global.slug, req })
    if (stored && String(stored.updatedBy) === String(id)) {
      await payload.db.updateGlobal({ slug: global.slug, data: { updatedBy: null }, req, returning: false })
    }
  }
}
