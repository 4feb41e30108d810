import { describe, expect, it } from 'vitest'
import { ALL_COLLECTION_TAGS } from '@/lib/cache-tags'
import { changesWhatThePublicSees } from '@/plugins/editorial/hooks/revalidate'
import { expireEverythingCachedBefore, tagsManifest } from '@/scripts/lib/startup-expiry'

describe('a starting server expires what the caches hold', () => {
  it("marks every collection and global tag expired in Next.js's own tags manifest", async () => {
    const now = Date.now()
    expect(expireEverythingCachedBefore(now)).toBe(ALL_COLLECTION_TAGS.length)
    for (const tag of ALL_COLLECTION_TAGS) {
      expect(tagsManifest().get(tag)).toMatchObject({ expired: now, stale: now })
    }
    // The check Next.js makes for a cached entry: written before the start, expired; after it, not.
    const { areTagsExpired } =
      (await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js')) as {
        areTagsExpired: (tags: string[], lastModified: number) => boolean
      }
    expect(areTagsExpired(['articles'], now - 1)).toBe(true)
    expect(areTagsExpired(['articles'], now + 1)).toBe(false)
  })
})

describe('revalidation on changes the public sees', () => {
  it.each([
    ['a publish', { _status: 'published' }, { _status: 'draft' }, true],
    ['an update of a published document', { _status: 'published' }, { _status: 'published' }, true],
    ['an unpublish', { _status: 'draft' }, { _status: 'published' }, true],
    ['a draft saved over a draft (autosave)', { _status: 'draft' }, { _status: 'draft' }, false],
    ['a new draft', { _status: 'draft' }, undefined, false],
    ['a collection without drafts', {}, {}, true],
  ] as const)('%s: %s', (_what, doc, previous, expected) => {
    expect(changesWhatThePublicSees(doc, previous)).toBe(expected)
  })
})
