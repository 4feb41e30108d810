import { createRequire } from 'node:module'
import { ALL_COLLECTION_TAGS } from '@/lib/cache-tags'

/**
 * Next.js keeps the times at which cache tags were expired in the memory of the process that expired them
 * (its tags manifest, node_modules/next/dist/server/lib/incremental-cache/tags-manifest.external.js), while
 * the cached pages and data outlive the process: on disk by default, in Redis with REDIS_URL. A server
 * started after another stopped would serve as fresh what the old one had expired but nobody had asked for
 * since, and, after a `kill -9` between a commit and its revalidation, the version before the commit (the
 * fault test tests/faults/kill-publish.faults.test.ts saw that).
 *
 * So a starting server marks every tag as expired at its start: each cached page and data entry is rendered
 * afresh from the database on its first request, once. Every entry carries its collection's or global's tag
 * (lib/cache-tags.ts), so these tags reach all of them.
 *
 * The manifest is a Next.js module without a public API; `.external` modules are the ones Next.js shares
 * between its server and the compiled routes, so this process's copy is the one the routes consult. The
 * shape used is `Map<tag, { expired?: number; stale?: number }>`, checked by a unit test against the
 * installed Next.js.
 */

type TagsManifest = Map<string, { expired?: number; stale?: number }>

export function tagsManifest(): TagsManifest {
  const require = createRequire(import.meta.url)
  const loaded = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js') as {
    tagsManifest?: unknown
  }
  if (!(loaded.tagsManifest instanceof Map)) {
    throw new Error(
      'Next.js no longer exports its tags manifest where scripts/lib/startup-expiry.ts expects it',
    )
  }
  return loaded.tagsManifest as TagsManifest
}

/** Marks every tag expired at `now`; returns how many. */
export function expireEverythingCachedBefore(now = Date.now()): number {
  const manifest = tagsManifest()
  for (const tag of ALL_COLLECTION_TAGS) {
    manifest.set(tag, { ...manifest.get(tag), stale: now, expired: now })
  }
  return ALL_COLLECTION_TAGS.length
}
