import type {
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  DefaultDocumentIDType,
  GlobalBeforeChangeHook,
  PayloadRequest,
  RelationshipField,
} from 'payload'
import { isEditorField } from '@/access/isEditor'
import { nobodyField } from '@/access/nobody'

/**
 * Who made a document and who made its latest change. Stored on the document and therefore in every
 * version too, so the version history shows who made each version and each publish.
 *
 * - Set only by the server (the hooks below, from `req.user`): nobody can type them in, through the admin
 *   or any API, because field-level create/update access is refused before the hooks run.
 * - Read by editors only: anonymous REST and GraphQL readers never see who is behind a change (user ids
 *   are personal data, and users are never publicly readable).
 * - Empty when the change was made without a logged-in user: the seed, migrations, scripts.
 */

const authorshipAccess = { read: isEditorField, create: nobodyField, update: nobodyField }

function userField(name: 'createdBy' | 'updatedBy', label: { da: string; en: string }): RelationshipField {
  return {
    name,
    type: 'relationship',
    relationTo: 'users',
    label,
    // An id is enough for API readers; the admin looks up the name itself.
    maxDepth: 0,
    index: true,
    access: authorshipAccess,
    admin: {
      position: 'sidebar',
      readOnly: true,
      description: {
        da: 'Sættes automatisk. Tom, når ændringen kom fra systemet.',
        en: 'Set automatically.',
      },
    },
  }
}

/** `createdBy` and `updatedBy`, for collections. */
export function authorshipFields(): RelationshipField[] {
  return [
    userField('createdBy', { da: 'Oprettet af', en: 'Created by' }),
    userField('updatedBy', { da: 'Senest ændret af', en: 'Last changed by' }),
  ]
}

/** `updatedBy` alone, for globals (they are never created by anyone). */
export function globalAuthorshipFields(): RelationshipField[] {
  return [userField('updatedBy', { da: 'Senest ændret af', en: 'Last changed by' })]
}

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
