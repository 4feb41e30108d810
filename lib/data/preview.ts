import { draftMode, headers } from 'next/headers'
import { hasRole } from '@/access/roles'
import { payloadClient } from '@/lib/payload'
import type { User } from '@/payload-types'

/**
 * The editor looking at a preview, or null for everyone else. Draft mode alone is not enough (its cookie
 * can be copied); the request must also carry an editor's session. Outside draft mode this reads no
 * request data, so cached pages stay static.
 */
export async function previewingEditor(): Promise<User | null> {
  const { isEnabled } = await draftMode()
  if (!isEnabled) return null
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: await headers() })
  return hasRole(user, 'editor') && user?.collection === 'users' ? (user as User) : null
}
