import type { Access } from 'payload'
import { hasRole } from '@/access/roles'

/** Admins see every user; anyone else logged in sees only their own account. */
export const isAdminOrSelf: Access = ({ req: { user } }) => {
  if (hasRole(user, 'admin')) return true
  if (user?.collection === 'users') return { id: { equals: user.id } }
  return false
}
