import { revalidatePath, revalidateTag } from 'next/cache'
import { bumpContentGeneration } from '@/lib/content-generation'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  PayloadRequest,
  TypeWithID,
} from 'payload'
import { TAGS } from '@/lib/cache-tags'
import { internalOrigin, SIGNATURE_HEADER, signBody } from '@/lib/internal-request'
import { bumpRedirectsGeneration } from '@/lib/redirects'

export type Targets = { tags?: string[]; paths?: string[] }

/**
 * Expire tags and paths in this process, right away. `{ expire: 0 }` makes the next reader wait for a
 * fresh render instead of being served the stale page once more (the `'max'` profile would show the old
 * story after a save).
 * https://nextjs.org/docs/app/api-reference/functions/revalidateTag#revalidation-behavior
 *
 * Next.js only accepts this inside a request it is handling (a route handler or server action).
 */
export function revalidateHere({ tags = [], paths = [] }: Targets): void {
  if (tags.includes(TAGS.redirects)) bumpRedirectsGeneration()
  // In-memory caches of this process (the REST read cache) are stale from now on.
  bumpContentGeneration()
  for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 })
  for (const path of new Set(paths)) revalidatePath(path)
}

/**
 * Refresh what a change touched.
 *
 * A save through the REST or GraphQL API (the admin saves through REST) runs inside the route handler
 * Next.js is serving, so the revalidation is done right here, and Next.js applies it when the handler
 * finishes, after Payload committed the change.
 *
 * Every other write goes through the Local API (`req.payloadAPI === 'local'`): the job runner publishing a
 * scheduled story on a timer inside the server process, a script or test while the server runs. There is
 * no request of Next.js's own to revalidate in (Next.js throws), or worse, the job runner's timer was
 * started during an earlier request and still carries that finished request's context, into which
 * `revalidateTag` would record the tags without error and (as Next.js 16.4's code reads) nothing would
 * ever apply them. So those ask the server to do it, over the loopback interface with a signed request
 * (app/(payload)/api/internal/revalidate). The hook runs inside the write's transaction, so that request
 * is sent a moment later, once the change is committed: a reader arriving in between would otherwise have
 * the old content rendered and cached again. If no server answers there is no cache to clear, and the
 * write that already happened is never failed for it: it is logged.
 *
 * Seeds and migrations pass `context.disableRevalidate`: they run before the server does.
 */
export async function revalidate(req: PayloadRequest, targets: Targets): Promise<void> {
  if (req.context?.disableRevalidate) return
  if (req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL') {
    try {
      revalidateHere(targets)
      // This hook runs before the commit, so a reader arriving in between can still have the old content
      // rendered and cached after the line above (seen by `npm run bench`: publishing right after a draft
      // save left the story page stale in 1 of 5 attempts). A second pass after the commit closes that.
      setTimeout(() => void revalidateThroughServer(req.payload, targets), AFTER_COMMIT_MS).unref()
      return
    } catch (error) {
      req.payload.logger.warn(
        { err: error },
        'Could not revalidate in the request; asking the server instead',
      )
    }
  }
  setTimeout(() => void revalidateThroughServer(req.payload, targets), AFTER_COMMIT_MS).unref()
}

/** Comfortably longer than a commit takes, and far shorter than anyone waits for a scheduled story. */
const AFTER_COMMIT_MS = 100

async function revalidateThroughServer(payload: Payload, { tags = [], paths = [] }: Targets): Promise<void> {
  const body = JSON.stringify({ tags, paths, issuedAt: Date.now() })
  try {
    const response = await fetch(`${internalOrigin()}/api/internal/revalidate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body) },
      body,
      signal: AbortSignal.timeout(5_000),
    })
    if (!response.ok) throw new Error(`the server answered ${response.status}`)
  } catch (error) {
    payload.logger.warn(
      { err: error, tags, paths },
      'Could not revalidate through the server (is it running?)',
    )
  }
}

/**
 * afterChange/afterDelete hooks that refresh what `targets` names for the document (and for its previous
 * version, so a renamed slug clears the old URL too).
 */
export function revalidationHooks<T extends TypeWithID>(
  targets: (doc: T, previousDoc?: T) => Targets,
): { afterChange: CollectionAfterChangeHook<T>[]; afterDelete: CollectionAfterDeleteHook<T>[] } {
  return {
    afterChange: [
      async ({ doc, previousDoc, req }) => {
        await revalidate(req, targets(doc, previousDoc))
        return doc
      },
    ],
    afterDelete: [
      async ({ doc, req }) => {
        await revalidate(req, targets(doc))
        return doc
      },
    ],
  }
}
