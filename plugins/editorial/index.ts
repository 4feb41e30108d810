import type { CollectionConfig, GlobalConfig, Plugin, TypeWithID } from 'payload'
import { GLOBAL_SLUGS, type GlobalSlug } from '@/lib/cache-tags'
import { capturePublicState } from '@/lib/published-state'
import type { Targets } from '@/lib/revalidate'
import type { SearchKind } from '@/lib/search-index'
import { editorialDrafts } from './drafts'
import { authorshipFields, globalAuthorshipFields } from './fields'
import { auditChange, auditDelete, auditGlobalHook } from './hooks/audit'
import { stampAuthorship, stampGlobalAuthorship } from './hooks/authorship'
import { respectGlobalLocks, respectLocksInGraphQL } from './hooks/locks'
import { revalidateGlobal, revalidationHooks } from './hooks/revalidate'
import { searchIndexHooks } from './hooks/search'
import { slugRedirectHooks } from './hooks/slug-redirects'

/**
 * The editorial behaviour every content collection and global shares: lock enforcement, authorship, the
 * audit trail, and, where a collection asks for them, drafts, search indexing, revalidation and slug
 * redirects. A collection or global opts in with one line, `custom: editorialCollection({ ... })` or
 * `custom: editorialGlobal()`; `editorial()` in payload.config.ts then adds the fields and hooks.
 *
 * Where the hooks go, around the collection's own:
 * - beforeOperation: lock enforcement, then the collection's own.
 * - beforeChange: authorship stamping, the collection's own (they see the stamped data), then the public
 *   state before the change, which the audit trail and slug redirects compare against.
 * - afterChange: slug redirects first (the old address must answer 301 as soon as the revalidated page is
 *   gone), the search index before revalidation (a page rendered after the refresh finds the new text),
 *   revalidation, the collection's own, and the audit entry last (it records what happened).
 * - afterDelete: search index, revalidation, the collection's own, the audit entry.
 * - fields: the collection's own, then the authorship fields (the database columns follow this order).
 * A collection whose own hook must run at another point lists the editorial hook itself, where it belongs;
 * the plugin then leaves that hook where it is instead of adding it again (Media, Users).
 *
 * Runs before any plugin that adds hooks or fields of its own (the storage plugin), so those come after.
 * Access is not part of it: every collection writes its access out by name.
 */

const KEY = 'editorial'

/** How a collection takes part. Lock enforcement and the audit trail come with opting in. */
export type EditorialCollectionOptions<T extends TypeWithID = TypeWithID> = {
  /** `createdBy`/`updatedBy`, set from `req.user`. Default on; off for the accounts themselves. */
  authorship?: boolean
  /** What a change the public can see refreshes: tags and paths from lib/cache-tags.ts. */
  revalidate?: (doc: T, previousDoc?: T) => Targets
  /** The kind of the collection's rows in the search index (lib/search-index.ts). */
  search?: SearchKind
  /** The public path of a slug: a published document that gets a new slug keeps its old path as a redirect. */
  slugRedirects?: (slug: string) => string
  /** Drafts as editors work with them (`editorialDrafts`): for what the public sees only once published. */
  drafts?: boolean
}

/** A collection's opt-in, for its `custom`: typed by its documents, so `revalidate` reads their fields. */
export function editorialCollection<T extends TypeWithID>(
  options: EditorialCollectionOptions<T> = {},
): { [KEY]: EditorialCollectionOptions } {
  // Payload hands each collection's hooks that collection's documents; the options were checked against
  // `T` where they were written, and the plugin passes the documents straight through.
  return { [KEY]: options as EditorialCollectionOptions }
}

/** A global's opt-in, for its `custom`: lock enforcement, authorship, audit, and revalidation of its tag. */
export function editorialGlobal(): { [KEY]: true } {
  return { [KEY]: true }
}

/**
 * The editorial hooks around a collection's own list: `first` before it, `last` after it. An editorial hook
 * the collection lists itself keeps the place it was given there.
 */
function around<H>(first: H[], own: H[] | undefined, last: H[]): H[] {
  const listed = own ?? []
  const notListed = (hook: H) => !listed.includes(hook)
  return [...first.filter(notListed), ...listed, ...last.filter(notListed)]
}

function withEditorialCollection(collection: CollectionConfig): CollectionConfig {
  const options = collection.custom?.[KEY] as EditorialCollectionOptions | undefined
  if (!options) return collection
  const { authorship = true, revalidate, search, slugRedirects, drafts = false } = options
  const redirects = slugRedirects ? slugRedirectHooks(slugRedirects) : undefined
  const index = search ? searchIndexHooks(search) : undefined
  const revalidation = revalidate ? revalidationHooks(revalidate) : undefined
  const hooks = collection.hooks ?? {}
  return {
    ...collection,
    ...(drafts ? { versions: editorialDrafts() } : {}),
    hooks: {
      ...hooks,
      beforeOperation: around([respectLocksInGraphQL], hooks.beforeOperation, []),
      beforeChange: around(authorship ? [stampAuthorship] : [], hooks.beforeChange, [capturePublicState]),
      afterChange: around(
        [
          ...(redirects?.afterChange ?? []),
          ...(index?.afterChange ?? []),
          ...(revalidation?.afterChange ?? []),
        ],
        hooks.afterChange,
        [auditChange],
      ),
      afterDelete: around(
        [...(index?.afterDelete ?? []), ...(revalidation?.afterDelete ?? [])],
        hooks.afterDelete,
        [auditDelete],
      ),
    },
    fields: authorship ? [...collection.fields, ...authorshipFields()] : collection.fields,
  }
}

function isGlobalSlug(slug: string): slug is GlobalSlug {
  return (GLOBAL_SLUGS as readonly string[]).includes(slug)
}

function withEditorialGlobal(global: GlobalConfig): GlobalConfig {
  if (!global.custom?.[KEY]) return global
  // A global's revalidation expires its tag, which lib/data's readers of that global are cached under.
  if (!isGlobalSlug(global.slug)) {
    throw new Error(`Global "${global.slug}" opts into editorial but has no cache tag in lib/cache-tags.ts`)
  }
  const hooks = global.hooks ?? {}
  return {
    ...global,
    hooks: {
      ...hooks,
      beforeOperation: around([respectGlobalLocks], hooks.beforeOperation, []),
      beforeChange: around([stampGlobalAuthorship], hooks.beforeChange, []),
      afterChange: around([revalidateGlobal(global.slug)], hooks.afterChange, [auditGlobalHook]),
    },
    fields: [...global.fields, ...globalAuthorshipFields()],
  }
}

/** The plugin: gives every collection and global that opted in its editorial fields and hooks. */
export function editorial(): Plugin {
  return (config) => ({
    ...config,
    collections: config.collections?.map(withEditorialCollection),
    globals: config.globals?.map(withEditorialGlobal),
  })
}
