import type { Access } from 'payload'
import { hasRole } from '@/access/roles'

/** Interns are not municipal staff: the public sees an intern only with a recorded publication consent. */
export const consentingOrEditor: Access = ({ req: { user } }) => {
  if (hasRole(user, 'editor')) return true
  return { publicationConsent: { equals: true } }
}
