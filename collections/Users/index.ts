import type { CollectionConfig } from 'payload'
import { isAdmin, isAdminField } from '@/access/isAdmin'
import { isAdminOrSelf } from '@/access/isAdminOrSelf'
import { hasRole, ROLES } from '@/access/roles'
import { nameField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { env } from '@/lib/env'
import type { User } from '@/payload-types'
import { editorialCollection } from '@/plugins/editorial'
import { auditChange, auditDelete, skipAuditForAccountBookkeeping } from '@/plugins/editorial/hooks/audit'
import { forgetDeletedUser } from '@/plugins/editorial/hooks/authorship'
import { RESET_LINK_MS, resetPasswordHtml, resetPasswordSubject } from './emails'
import { accountRules, auditLogin, auditUnlock } from './hooks/accountEvents'
import { firstUserIsAdmin } from './hooks/firstUserIsAdmin'
import { welcomeNewAccount } from './hooks/welcomeNewAccount'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { da: 'Bruger', en: 'User' },
    plural: { da: 'Brugere', en: 'Users' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'email', 'role', 'updatedAt'],
    group: ADMIN_GROUPS.administration,
  },
  auth: {
    // Lockout after repeated failures, behind the rate limits of lib/rate-limit.ts (429 from the 5th failed
    // login within 15 minutes), so a stranger cannot lock an editor out; a locked account answers like a
    // wrong password (hooks/accountEvents.ts).
    maxLoginAttempts: 5,
    lockTime: 15 * 60 * 1000,
    tokenExpiration: 8 * 60 * 60,
    // "Glemt adgangskode": a Danish mail whose link (on SITE_URL) works once, for an hour (emails.ts).
    forgotPassword: {
      expiration: RESET_LINK_MS,
      generateEmailSubject: () => resetPasswordSubject,
      generateEmailHTML: (args) => {
        // Payload's forgot-password always passes both; its type says optional.
        if (!args?.req || !args.token) throw new Error('forgot-password mail without a request or token')
        return resetPasswordHtml(args.req, args.token, (args.user ?? {}) as User)
      },
    },
    cookies: {
      sameSite: 'Lax',
      // Secure whenever the site is served over https (always in production behind TLS); a plain-http
      // origin such as http://localhost would otherwise never keep the login cookie.
      secure: env().siteUrl.startsWith('https://'),
    },
  },
  access: {
    // Anyone with a role may open the admin; what they can do there is decided per collection.
    admin: ({ req: { user } }) => hasRole(user, 'editor'),
    create: isAdmin,
    read: isAdminOrSelf,
    update: isAdminOrSelf,
    delete: isAdmin,
    // Payload's default lets any logged-in user unlock any account (an editor could unlock an admin).
    unlock: isAdmin,
  },
  // Accounts and roles are changed rarely and matter much: who made whom an administrator is in the log.
  // No authorship fields: an account is not content.
  custom: editorialCollection({ authorship: false }),
  hooks: {
    beforeOperation: [skipAuditForAccountBookkeeping, accountRules],
    afterLogin: [auditLogin],
    afterOperation: [auditUnlock],
    beforeChange: [firstUserIsAdmin],
    // The audit entry before the welcome mail and the clean-up (listed here to keep that order).
    afterChange: [auditChange, welcomeNewAccount],
    afterDelete: [auditDelete, forgetDeletedUser],
  },
  fields: [
    nameField(),
    {
      name: 'role',
      type: 'select',
      label: { da: 'Rolle', en: 'Role' },
      required: true,
      defaultValue: 'editor',
      options: ROLES.map((value) => ({
        value,
        label: value === 'admin' ? { da: 'Administrator', en: 'Admin' } : { da: 'Redaktør', en: 'Editor' },
      })),
      // Only an admin may hand out or change roles, so an editor cannot promote themself.
      access: { create: isAdminField, update: isAdminField },
      saveToJWT: true,
      admin: {
        position: 'sidebar',
        // Hidden on "create first user" (nobody is logged in yet): that account always becomes an admin.
        condition: (_data, _siblingData, { user }) => Boolean(user),
        description: {
          da: 'Administratorer styrer brugere og indstillinger; redaktører styrer indholdet.',
          en: 'Admins manage users and settings; editors manage content.',
        },
      },
    },
  ],
}
