import type { PayloadRequest } from 'payload'

export const ROLES = ['admin', 'editor'] as const
export type Role = (typeof ROLES)[number]

type RequestUser = PayloadRequest['user']

/** A logged-in user of the `users` collection with the given role (admins pass every editor check). */
export function hasRole(user: RequestUser, role: Role): boolean {
  if (!user || user.collection !== 'users') return false
  const userRole = (user as { role?: unknown }).role
  if (role === 'editor') return userRole === 'editor' || userRole === 'admin'
  return userRole === 'admin'
}
