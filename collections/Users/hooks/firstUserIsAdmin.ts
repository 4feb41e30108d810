import type { CollectionBeforeChangeHook } from 'payload'
import type { User } from '@/payload-types'

/**
 * The very first account (made on the admin's "create first user" screen, or by the seed) must be able to
 * manage the others, so it is an admin whatever the form said.
 */
export const firstUserIsAdmin: CollectionBeforeChangeHook<User> = async ({ data, operation, req }) => {
  if (operation !== 'create') return data
  // Counting every account is the point here, whoever is asking (on first-user sign-up nobody is logged in).
  const { totalDocs } = await req.payload.count({ collection: 'users', overrideAccess: true, req })
  if (totalDocs === 0) return { ...data, role: 'admin' }
  return data
}
