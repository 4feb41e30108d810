import type { Access, FieldAccess } from 'payload'
import { hasRole } from '@/access/roles'

/** Admins only: users, roles and site-wide settings. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')
