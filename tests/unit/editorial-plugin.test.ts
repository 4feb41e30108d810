import type { Field, SanitizedConfig } from 'payload'
import { describe, expect, it } from 'vitest'
import configPromise from '@payload-config'
import { isEditorField } from '@/access/isEditor'
import { nobodyField } from '@/access/nobody'
import { Articles } from '@/collections/Articles'
import { setContentUpdatedAt } from '@/collections/Articles/hooks/setContentUpdatedAt'
import { setPublishedAt } from '@/collections/Articles/hooks/setPublishedAt'
import { AuditLog } from '@/collections/AuditLog'
import { Contacts } from '@/collections/Contacts'
import { Interns } from '@/collections/Interns'
import { Media } from '@/collections/Media'
import { sanitiseUpload } from '@/collections/Media/hooks/sanitiseUpload'
import { Pages } from '@/collections/Pages'
import { Quotes } from '@/collections/Quotes'
import { Redirects } from '@/collections/Redirects'
import {
  flattenChains,
  invalidateRedirectMap,
  invalidateRedirectMapOnDelete,
} from '@/collections/Redirects/hooks/rules'
import { Topics } from '@/collections/Topics'
import { Users } from '@/collections/Users'
import { accountRules, auditLogin, auditUnlock } from '@/collections/Users/hooks/accountEvents'
import { firstUserIsAdmin } from '@/collections/Users/hooks/firstUserIsAdmin'
import { welcomeNewAccount } from '@/collections/Users/hooks/welcomeNewAccount'
import { Footer } from '@/globals/Footer'
import { Navigation } from '@/globals/Navigation'
import { Site } from '@/globals/Site'
import { capturePublicState } from '@/lib/published-state'
import {
  auditChange,
  auditDelete,
  auditGlobalHook,
  skipAuditForAccountBookkeeping,
} from '@/plugins/editorial/hooks/audit'
import {
  forgetDeletedUser,
  stampAuthorship,
  stampGlobalAuthorship,
} from '@/plugins/editorial/hooks/authorship'
import { respectGlobalLocks, respectLocksInGraphQL } from '@/plugins/editorial/hooks/locks'

/**
 * What the editorial plugin made of the real config: each hook list in the order it runs, and the
 * authorship fields after each collection's own. A shared hook is expected as itself; a hook the plugin
 * makes per collection (search, revalidation, slug redirects) by its name.
 */
type Expected = Record<string, (string | ((...args: never[]) => unknown))[]>

const searchAndRevalidation = {
  afterChange: ['indexChange', 'revalidateChange', auditChange],
  afterDelete: ['unindexDelete', 'revalidateDelete', auditDelete],
}
const withSlugRedirects = {
  beforeChange: [stampAuthorship, capturePublicState],
  afterChange: ['redirectOldSlug', 'indexChange', 'revalidateChange', auditChange],
  afterDelete: ['unindexDelete', 'revalidateDelete', auditDelete],
}

const COLLECTIONS: { config: { slug: string; fields: Field[] }; authorship: boolean; hooks: Expected }[] = [
  {
    config: Articles,
    authorship: true,
    hooks: {
      beforeOperation: [respectLocksInGraphQL],
      ...withSlugRedirects,
      beforeChange: [stampAuthorship, setPublishedAt, setContentUpdatedAt, capturePublicState],
    },
  },
  {
    config: Pages,
    authorship: true,
    hooks: { beforeOperation: [respectLocksInGraphQL], ...withSlugRedirects },
  },
  {
    config: Topics,
    authorship: true,
    hooks: { beforeOperation: [respectLocksInGraphQL], ...withSlugRedirects },
  },
  {
    config: Quotes,
    authorship: true,
    hooks: {
      beforeOperation: [respectLocksInGraphQL],
      beforeChange: [stampAuthorship, capturePublicState],
      afterChange: ['revalidateChange', 'reindexStories', auditChange],
      afterDelete: ['revalidateDelete', 'reindexStories', auditDelete],
    },
  },
  ...[Interns, Contacts].map((config) => ({
    config,
    authorship: true,
    hooks: {
      beforeOperation: [respectLocksInGraphQL],
      beforeChange: [stampAuthorship, capturePublicState],
      ...searchAndRevalidation,
    },
  })),
  {
    config: Media,
    authorship: true,
    hooks: {
      beforeOperation: [sanitiseUpload, respectLocksInGraphQL],
      beforeChange: [stampAuthorship, capturePublicState],
      afterChange: ['revalidateChange', auditChange],
      afterDelete: ['revalidateDelete', auditDelete],
    },
  },
  {
    config: Redirects,
    authorship: true,
    hooks: {
      beforeOperation: [respectLocksInGraphQL],
      beforeChange: [stampAuthorship, capturePublicState],
      afterChange: [flattenChains, invalidateRedirectMap, auditChange],
      afterDelete: [invalidateRedirectMapOnDelete, auditDelete],
    },
  },
  {
    config: Users,
    authorship: false,
    hooks: {
      beforeOperation: [respectLocksInGraphQL, skipAuditForAccountBookkeeping, accountRules],
      beforeChange: [firstUserIsAdmin, capturePublicState],
      afterChange: [auditChange, welcomeNewAccount],
      afterDelete: [auditDelete, forgetDeletedUser],
      afterLogin: [auditLogin],
      afterOperation: [auditUnlock],
    },
  },
  {
    config: AuditLog,
    authorship: false,
    hooks: { beforeOperation: [], beforeChange: [], afterChange: [], afterDelete: [] },
  },
]

const GLOBALS = [Site, Footer, Navigation]

/** Top-level field names; unnamed layout fields (a row) by their type. */
const fieldNames = (fields: Field[]) => fields.map((field) => ('name' in field ? field.name : field.type))

/** A hook list as `expected` names it: shared hooks as themselves, per-collection hooks by name. */
function asExpected(actual: unknown[] | undefined, expected: Expected[string]) {
  return (actual ?? []).map((hook, i) =>
    typeof expected[i] === 'string' ? (hook as { name: string }).name : hook,
  )
}

const config: SanitizedConfig = await configPromise

describe('the editorial plugin on the real config', () => {
  describe.each(COLLECTIONS)('collection $config.slug', ({ config: own, authorship, hooks }) => {
    const collection = config.collections.find((c) => c.slug === own.slug)!

    it.each(Object.entries(hooks))('runs its %s hooks in order', (list, expected) => {
      const actual = (collection.hooks as Record<string, unknown[] | undefined>)[list]
      expect(asExpected(actual, expected)).toEqual(expected)
    })

    it(authorship ? 'has createdBy and updatedBy after its own fields' : 'has no authorship fields', () => {
      const names = fieldNames(collection.fields)
      const expected = [...fieldNames(own.fields), ...(authorship ? ['createdBy', 'updatedBy'] : [])]
      expect(names.slice(0, expected.length)).toEqual(expected)
      expect(names.filter((name) => name === 'createdBy' || name === 'updatedBy')).toEqual(
        authorship ? ['createdBy', 'updatedBy'] : [],
      )
    })
  })

  describe.each(GLOBALS)('global $slug', (own) => {
    const global = config.globals.find((g) => g.slug === own.slug)!

    it('enforces locks, stamps authorship, revalidates and audits, in that order', () => {
      expect(global.hooks.beforeOperation).toEqual([respectGlobalLocks])
      expect(global.hooks.beforeChange).toEqual([stampGlobalAuthorship])
      expect(asExpected(global.hooks.afterChange, ['revalidateGlobalChange', auditGlobalHook])).toEqual([
        'revalidateGlobalChange',
        auditGlobalHook,
      ])
    })

    it('has updatedBy after its own fields', () => {
      const names = fieldNames(global.fields)
      expect(names.slice(0, own.fields.length + 1)).toEqual([...fieldNames(own.fields), 'updatedBy'])
      expect(names.filter((name) => name === 'createdBy' || name === 'updatedBy')).toEqual(['updatedBy'])
    })
  })

  it('makes the authorship fields readable by editors and writable by nobody', () => {
    const articles = config.collections.find((c) => c.slug === 'articles')!
    for (const name of ['createdBy', 'updatedBy']) {
      const field = articles.fields.find((f) => 'name' in f && f.name === name)
      expect(field).toMatchObject({
        type: 'relationship',
        relationTo: 'users',
        maxDepth: 0,
        access: { read: isEditorField, create: nobodyField, update: nobodyField },
        admin: { position: 'sidebar', readOnly: true },
      })
    }
  })
})
