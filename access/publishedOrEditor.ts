import type { Access } from 'payload'
import { hasRole } from '@/access/roles'

/**
 * Editors read everything; everyone else reads published documents only. `draft: false` alone does not
 * hide drafts (a never-published draft is still a row in the main table), so the constraint is explicit.
 */
export const publishedOrEditor: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor')) return true
  return { _status: { equals: 'published' } }
}
