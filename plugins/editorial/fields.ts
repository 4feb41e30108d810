import type { RelationshipField } from 'payload'
import { isEditorField } from '@/access/isEditor'
import { nobodyField } from '@/access/nobody'

/**
 * Who made a document and who made its latest change. Stored on the document and therefore in every
 * version too, so the version history shows who made each version and each publish.
 *
 * - Set only by the server (./hooks/authorship.ts, from `req.user`): nobody can type them in, through the admin
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
