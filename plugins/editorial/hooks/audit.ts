import type {
  CollectionAfterChangeHook,
  CollectionBeforeOperationHook,
  CollectionAfterDeleteHook,
  DefaultDocumentIDType,
  GlobalAfterChangeHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'
import type { AuditLog as AuditEntry } from '@/payload-types'
import type { AuditAction, AuditStatus } from '@/collections/AuditLog'
import { publicStateBefore, readPublicState } from '@/lib/published-state'

/**
 * The audit trail: one entry per create, change, publish, unpublish and delete of a content document or a
 * change of a global, with the user who did it (or "System"). The editorial plugin (../index.ts) puts
 * `auditChange` and `auditDelete` last on every collection that opts in, after lib/published-state.ts's
 * `capturePublicState` in beforeChange, and `auditGlobalHook` last on every global.
 *
 * The entry is written with the same `req`, so it lives and dies with the change in one transaction: there is
 * no change without its entry.
 */

/** Autosave writes every few seconds while an editor types; one entry per editor and document per window. */
const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000
const MAX_TITLE_LENGTH = 200

/** A label as configured: a string, or texts per language (label functions are not used here). */
function danish(label: unknown, fallback: string): string {
  if (typeof label === 'string') return label
  if (label && typeof label === 'object') {
    const texts = label as Record<string, string>
    return texts.da ?? texts.en ?? fallback
  }
  return fallback
}

function userName(req: PayloadRequest): string {
  const user = req.user
  if (!user || user.collection !== 'users') return 'System'
  const { name, email } = user as { name?: string | null; email?: string | null }
  return name && email ? `${name} (${email})` : (name ?? email ?? `Bruger ${user.id}`)
}

function titleOf(collection: SanitizedCollectionConfig, doc: Record<string, unknown>): string {
  const field = collection.admin?.useAsTitle
  const value = field ? doc[field] : undefined
  const title = typeof value === 'string' && value.trim() !== '' ? value : `#${String(doc.id)}`
  return title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title
}

function statusOf(publiclyVisible: boolean, latestVersionStatus: unknown): AuditStatus {
  if (!publiclyVisible) return 'draft'
  return latestVersionStatus === 'draft' ? 'changed' : 'published'
}

type EntryData = Omit<AuditEntry, 'id' | 'createdAt' | 'updatedAt'>

async function writeEntry(req: PayloadRequest, data: Omit<EntryData, 'user' | 'userName'>): Promise<void> {
  const user = req.user?.collection === 'users' ? req.user.id : null
  await req.payload.create({
    collection: 'audit-log',
    data: { ...data, user, userName: userName(req) } as EntryData,
    depth: 0,
    req,
    // The audit log refuses every write through the APIs (access `nobody`); this hook is its only writer.
    overrideAccess: true,
  })
}

/**
 * An account event (login, failed login, lockout, unlock): about the account `account` (null when the
 * address belongs to nobody), done by whoever `req.user` is, from `clientAddress`. Written with the same
 * `req`, so a login's entry commits with the login.
 */
export async function writeAccountEntry(
  req: PayloadRequest,
  {
    action,
    account,
    address,
    clientAddress,
  }: {
    action: Extract<AuditAction, 'loggedIn' | 'loginFailed' | 'lockedOut' | 'unlocked'>
    account: { id: DefaultDocumentIDType; name?: string | null; email?: string | null } | null
    address: string
    clientAddress: string
  },
): Promise<void> {
  const title = account?.name ? `${account.name} (${address})` : address
  await req.payload.create({
    collection: 'audit-log',
    data: {
      action,
      targetSlug: 'users',
      targetLabel: 'Bruger',
      documentId: account ? String(account.id) : null,
      documentTitle: title.length > MAX_TITLE_LENGTH ? `${title.slice(0, MAX_TITLE_LENGTH - 1)}…` : title,
      user: req.user?.collection === 'users' ? req.user.id : null,
      userName: req.user?.collection === 'users' ? userName(req) : 'Ikke logget ind',
      clientAddress,
    } as EntryData,
    depth: 0,
    req,
    // The audit log refuses every write through the APIs (access `nobody`); these hooks write it.
    overrideAccess: true,
  })
}

/** The admin autosaves through REST with `?autosave=true`; those saves are throttled per editor. */
async function recentlyAutosaved(
  req: PayloadRequest,
  targetSlug: string,
  documentId: string,
): Promise<boolean> {
  // Payload's REST handler turns the query string's "true" into a boolean in place.
  const autosave = req.query?.autosave
  if (autosave !== true && autosave !== 'true') return false
  const user = req.user?.collection === 'users' ? req.user.id : null
  const { totalDocs } = await req.payload.count({
    collection: 'audit-log',
    where: {
      and: [
        { targetSlug: { equals: targetSlug } },
        { documentId: { equals: documentId } },
        { action: { equals: 'updated' } },
        user === null ? { user: { exists: false } } : { user: { equals: user } },
        { createdAt: { greater_than: new Date(Date.now() - AUTOSAVE_WINDOW_MS).toISOString() } },
      ],
    },
    req,
    // An internal look-up by the audit trail itself, whoever the editor is.
    overrideAccess: true,
  })
  return totalDocs > 0
}

/**
 * Payload's own account bookkeeping is not an editorial change: a forgot-password request stores the reset
 * token with an ordinary update (made anonymously, it would read "changed by System"). The users collection's
 * beforeOperation hook marks those requests.
 */
export const skipAuditForAccountBookkeeping: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'forgotPassword') req.context.skipAudit = true
  return args
}

export const auditChange: CollectionAfterChangeHook = async ({
  collection,
  doc,
  operation,
  previousDoc,
  req,
}) => {
  // skipCloudStorage: the S3 storage plugin saves a new upload's document a second time from its own
  // afterChange hook (node_modules/@payloadcms/plugin-cloud-storage/dist/hooks/afterChange.js), with this
  // flag set; that save is part of the editor's create, not a change of its own.
  if (req.context.skipAudit || req.context.skipCloudStorage) return doc
  const hasDrafts = Boolean(collection.versions?.drafts)
  const documentId = String(doc.id)
  const common = {
    targetSlug: collection.slug,
    targetLabel: danish(collection.labels?.singular, collection.slug),
    documentId,
    documentTitle: titleOf(collection, doc),
  }

  if (operation === 'create') {
    await writeEntry(req, {
      ...common,
      action: 'created',
      toStatus: hasDrafts ? statusOf(doc._status === 'published', doc._status) : null,
    })
    return doc
  }

  if (!hasDrafts) {
    await writeEntry(req, { ...common, action: 'updated' })
    return doc
  }

  // Before: the public state (captured in beforeChange) plus the latest version's status.
  const before = publicStateBefore(req, collection.slug, doc.id)
  const wasPublic = before?.published ?? previousDoc?._status === 'published'
  let isPublic: boolean
  let action: AuditAction
  if (doc._status === 'published') {
    isPublic = true
    action = 'published'
  } else if (wasPublic) {
    // A draft result from a public document: either a draft saved beside it, or an unpublish. Only the
    // main row tells them apart.
    const now = await readPublicState(req, collection.slug, doc.id)
    isPublic = now?.published ?? false
    action = isPublic ? 'updated' : 'unpublished'
  } else {
    isPublic = false
    action = 'updated'
  }
  if (action === 'updated' && (await recentlyAutosaved(req, collection.slug, documentId))) return doc
  await writeEntry(req, {
    ...common,
    action,
    fromStatus: statusOf(wasPublic, previousDoc?._status),
    toStatus: statusOf(isPublic, doc._status),
  })
  return doc
}

export const auditDelete: CollectionAfterDeleteHook = async ({ collection, doc, req }) => {
  const hasDrafts = Boolean(collection.versions?.drafts)
  await writeEntry(req, {
    action: 'deleted',
    targetSlug: collection.slug,
    targetLabel: danish(collection.labels?.singular, collection.slug),
    documentId: String(doc.id),
    documentTitle: titleOf(collection, doc),
    fromStatus: hasDrafts ? statusOf(doc._status === 'published', doc._status) : null,
  })
  return doc
}

/** Globals have no drafts and no delete: every save is a change. */
export const auditGlobalHook: GlobalAfterChangeHook = async ({ doc, global, req }) => {
  await writeEntry(req, {
    action: 'updated',
    targetSlug: global.slug,
    targetLabel: danish(global.label, global.slug),
    documentTitle: danish(global.label, global.slug),
  })
  return doc
}
