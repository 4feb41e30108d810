import { revalidatePath, revalidateTag } from 'next/cache'
import { bumpContentGeneration } from '@/lib/content-generation'
import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  Payload,
  RequestContext,
  TypeWithID,
} from 'payload'

/**
 * Expire tags and paths right away. `{ expire: 0 }` makes the next reader wait for a fresh render instead
 * of being served the stale page once more (the `'max'` profile would show the old story after a save).
 * https://nextjs.org/docs/app/api-reference/functions/revalidateTag#revalidation-behavior
 *
 * Outside a Next.js server (seed, `payload run`, a CLI job runner) there is no cache to clear and Next.js
 * throws; callers pass `context.disableRevalidate` there, and anything that still reaches this point is
 * logged rather than allowed to fail the write that already happened.
 */
export function revalidate(
  payload: Payload,
  context: RequestContext | undefined,
  { tags = [], paths = [] }: { tags?: string[]; paths?: string[] },
): void {
  if (context?.disableRevalidate) return
  bumpContentGeneration()
  try {
    for (const tag of new Set(tags)) revalidateTag(tag, { expire: 0 })
    for (const path of new Set(paths)) revalidatePath(path)
  } catch (error) {
    payload.logger.warn({ err: error, tags, paths }, 'Could not revalidate (not running inside Next.js?)')
  }
}

type Targets = { tags?: string[]; paths?: string[] }

/**
 * afterChange/afterDelete hooks that refresh what `targets` names for the document (and for its previous
 * version, so a renamed slug clears the old URL too).
 */
export function revalidationHooks<T extends TypeWithID>(
  targets: (doc: T, previousDoc?: T) => Targets,
): { afterChange: CollectionAfterChangeHook<T>[]; afterDelete: CollectionAfterDeleteHook<T>[] } {
  return {
    afterChange: [
      ({ doc, previousDoc, req }) => {
        revalidate(req.payload, req.context, targets(doc, previousDoc))
        return doc
      },
    ],
    afterDelete: [
      ({ doc, req }) => {
        revalidate(req.payload, req.context, targets(doc))
        return doc
      },
    ],
  }
}
