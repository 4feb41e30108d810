import { randomBytes } from 'node:crypto'
import type { CollectionAfterChangeHook } from 'payload'
import type { User } from '@/payload-types'
import { WELCOME_LINK_MS, welcomeHtml, welcomeSubject } from '../emails'

/**
 * A new account made by an administrator gets a Danish welcome mail with a link to choose its own
 * password. The first user (who made their own account on "create first user") and accounts made by the
 * seed or a script (no logged-in user) get none.
 *
 * The link is Payload's password-reset token, set here the way Payload's forgot-password sets it (20
 * random bytes, stored on the user with an expiry), but with the welcome's longer expiry; calling the
 * forgot-password operation instead would count against the administrator's forgot-password rate limit
 * (lib/rate-limit.ts) and send Payload's reset mail rather than this one.
 *
 * A mail that cannot be sent does not undo the account: the administrator sees the account, the error is
 * in the server log, and "Glemt adgangskode" sends a new link.
 */
export const welcomeNewAccount: CollectionAfterChangeHook<User> = async ({ doc, operation, req }) => {
  if (operation !== 'create' || !req.user || !doc.email) return doc
  const token = randomBytes(20).toString('hex')
  await req.payload.db.updateOne({
    collection: 'users',
    id: doc.id,
    data: {
      resetPasswordToken: token,
      resetPasswordExpiration: new Date(Date.now() + WELCOME_LINK_MS).toISOString(),
    },
    req,
    returning: false,
  })
  try {
    await req.payload.sendEmail({
      to: doc.email,
      subject: welcomeSubject,
      html: welcomeHtml(req, token, doc),
    })
  } catch (error) {
    req.payload.logger.error({ err: error, user: doc.id }, 'Could not send the welcome mail to a new user')
  }
  return doc
}
