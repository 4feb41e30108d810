import type { CollectionConfig, Field } from 'payload'
import { isAdmin } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { ADMIN_GROUPS } from '@/lib/admin-groups'

export const AUDIT_ACTIONS = [
  'created',
  'updated',
  'published',
  'unpublished',
  'deleted',
  // Account events (collections/Users/hooks/accountEvents.ts).
  'loggedIn',
  'loginFailed',
  'lockedOut',
  'unlocked',
] as const
export type AuditAction = (typeof AUDIT_ACTIONS)[number]

/**
 * A document's status as the admin shows it: a draft (not public), published, or published with newer
 * changes saved as a draft that the public does not see yet.
 */
export const AUDIT_STATUSES = ['draft', 'published', 'changed'] as const
export type AuditStatus = (typeof AUDIT_STATUSES)[number]

const ACTION_LABELS: Record<AuditAction, { da: string; en: string }> = {
  created: { da: 'Oprettet', en: 'Created' },
  updated: { da: 'Ændret', en: 'Changed' },
  published: { da: 'Udgivet', en: 'Published' },
  unpublished: { da: 'Afpubliceret', en: 'Unpublished' },
  deleted: { da: 'Slettet', en: 'Deleted' },
  loggedIn: { da: 'Logget ind', en: 'Logged in' },
  loginFailed: { da: 'Mislykket login', en: 'Failed login' },
  lockedOut: { da: 'Låst efter for mange forsøg', en: 'Locked out' },
  unlocked: { da: 'Låst op', en: 'Unlocked' },
}

const STATUS_LABELS: Record<AuditStatus, { da: string; en: string }> = {
  draft: { da: 'Kladde', en: 'Draft' },
  published: { da: 'Udgivet', en: 'Published' },
  changed: { da: 'Udgivet, med ændringer i kladde', en: 'Published, with changes in a draft' },
}

const statusField = (name: 'fromStatus' | 'toStatus', label: { da: string; en: string }): Field => ({
  name,
  type: 'select',
  label,
  options: AUDIT_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value] })),
})

/**
 * Who created, changed, published, unpublished or deleted what, and when. Written only by the hooks in
 * plugins/editorial/hooks/audit.ts; nobody can create, change or delete an entry through the admin, REST or GraphQL,
 * and only administrators can read them. The user's name is copied into the entry, so it still says who
 * did it after the account is deleted.
 */
export const AuditLog: CollectionConfig = {
  slug: 'audit-log',
  labels: {
    singular: { da: 'Logpost', en: 'Audit entry' },
    plural: { da: 'Ændringslog', en: 'Audit log' },
  },
  graphQL: { singularName: 'AuditEntry', pluralName: 'AuditEntries' },
  admin: {
    useAsTitle: 'documentTitle',
    defaultColumns: ['createdAt', 'action', 'targetLabel', 'documentTitle', 'userName', 'toStatus'],
    listSearchableFields: ['documentTitle', 'userName', 'documentId'],
    group: ADMIN_GROUPS.administration,
    description: {
      da: 'Hvem der har oprettet, ændret, udgivet, afpubliceret eller slettet hvad og hvornår, og logins, mislykkede logins, låste og oplåste konti. Kan ikke redigeres.',
      en: 'Who created, changed, published, unpublished or deleted what, and when; logins, failed logins, lockouts and unlocks. Read-only.',
    },
    pagination: { defaultLimit: 50 },
  },
  defaultSort: '-createdAt',
  access: {
    create: nobody,
    read: isAdmin,
    update: nobody,
    delete: nobody,
  },
  disableDuplicate: true,
  // Nobody edits an entry (the admin shows every field read-only without update access): nothing to lock.
  lockDocuments: false,
  fields: [
    {
      name: 'action',
      type: 'select',
      label: { da: 'Handling', en: 'Action' },
      required: true,
      index: true,
      options: AUDIT_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value] })),
    },
    {
      name: 'targetLabel',
      type: 'text',
      label: { da: 'Type', en: 'Type' },
      admin: { description: { da: 'Fx "Historie" eller "Sidefod".', en: 'E.g. "Story" or "Footer".' } },
    },
    {
      name: 'targetSlug',
      type: 'text',
      label: { da: 'Samling eller indstilling (teknisk navn)', en: 'Collection or global slug' },
      required: true,
      index: true,
    },
    {
      name: 'documentId',
      type: 'text',
      label: { da: 'Dokument-id', en: 'Document id' },
      index: true,
      admin: {
        description: {
          da: 'Tom for indstillinger (sitet, sidefod, navigation).',
          en: 'Empty for settings (site, footer, navigation).',
        },
      },
    },
    { name: 'documentTitle', type: 'text', label: { da: 'Titel', en: 'Title' } },
    {
      name: 'user',
      type: 'relationship',
      relationTo: 'users',
      label: { da: 'Bruger', en: 'User' },
      maxDepth: 0,
      index: true,
    },
    {
      name: 'userName',
      type: 'text',
      label: { da: 'Udført af', en: 'Done by' },
      admin: {
        description: {
          da: '"System", når ændringen kom fra systemet (fx opstart eller indlæsning af indhold).',
          en: '"System" for changes made without a logged-in user.',
        },
      },
    },
    {
      name: 'clientAddress',
      type: 'text',
      label: { da: 'Klientens adresse', en: 'Client address' },
      admin: {
        description: {
          da: 'IP-adressen, som et login kom fra (se CLIENT_IP_HEADER i README).',
          en: 'The address a login came from.',
        },
      },
    },
    {
      type: 'row',
      fields: [
        statusField('fromStatus', { da: 'Status før', en: 'Status before' }),
        statusField('toStatus', { da: 'Status efter', en: 'Status after' }),
      ],
    },
  ],
}
