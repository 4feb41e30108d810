import type { Access, FieldAccess } from 'payload'
import { hasRole } from '@/access/roles'

/** Editors and admins: the people who manage content. */
export const isEditor: Access = ({ req: { user } }) => hasRole(user, 'editor')

export const isEditorField: FieldAccess = ({ req: { user } }) => hasRole(user, 'editor')
