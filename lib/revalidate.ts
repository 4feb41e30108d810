import { after } from 'next/server'
import { revalidatePath, revalidateTag } from 'next/cache'
import { currentRequest, type PendingRevalidation } from '@/lib/request-context'
import type { PayloadRequest } from 'payload'

export type Targets = { tags?: string[]; paths?: string[] }

/**
 * The one way this site invalidates a cache: the collection and global hooks call `revalidate` with the
 * tags and paths of lib/cache-tags.ts that a change touched (plugins/editorial/hooks/revalidate.ts). Next.js hands each expiry to the cache handler
 * (lib/shared-cache/handler.ts: Redis when REDIS_URL is set, so every instance sees it, and a purge of the
 * front caches when FRONT_CACHE_URL is set).
 *
 * Never before the commit. Payload's `afterChange` runs inside the write's transaction, and
 * `revalidateTag` stamps the time it is called: expired before the commit, a reader arriving in between
 * would have the old content rendered and stored again with a newer time than the expiry. So the hook only
 * notes what to expire, and it is expired once the write has committed, at the first of:
 * - `applyRevalidations()`, which the REST and GraphQL routes call when Payload's handler has returned (it
 *   commits before it returns), still inside the route: Next.js applies it before the response is
 *   finished, so a client that reads right after its write (the admin, an integration) reads the change;
 * - Next.js's `after()`, once the response is finished: every other write inside a request, such as
 *   scheduled publishing, which runs through Payload's jobs endpoint (scripts/lib/job-scheduler.ts).
 *
 * A write from outside any request (a seed, a migration, a script, a test process using the Local API) has
 * no cache of Next.js's to refresh: there is none in that process. Those pass `context.disableRevalidate`,
 * or are logged at debug level below; a server started afterwards treats every cached page as expired
 * (scripts/lib/startup-expiry.ts).
 */
export function revalidate(req: PayloadRequest, { tags = [], paths = [] }: Targets): void {
  if (req.context?.disableRevalidate) return
  if (tags.length === 0 && paths.length === 0) return
  const pending: PendingRevalidation = { tags, paths, applied: false }
  const request = currentRequest()
  if (request) (request.revalidations ??= []).push(pending)
  try {
    after(() => apply(pending))
  } catch (error) {
    req.payload.logger.debug(
      { err: error, tags, paths },
      'A change outside a request: no server cache to refresh in this process',
    )
  }
}

/**
 * Applies what this request's writes asked to revalidate and has not been applied yet. Call it where the
 * writes have committed, inside the route handler (lib/api/rest.ts, lib/api/graphql.ts).
 */
export function applyRevalidations(): void {
  for (const pending of currentRequest()?.revalidations ?? []) apply(pending)
}

function apply(pending: PendingRevalidation): void {
  if (pending.applied) return
  pending.applied = true
  // `{ expire: 0 }`: the next reader waits for a fresh render instead of being served the stale page
  // once more (the `'max'` profile would show the old story after a save).
  for (const tag of new Set(pending.tags)) revalidateTag(tag, { expire: 0 })
  for (const path of new Set(pending.paths)) revalidatePath(path)
}
