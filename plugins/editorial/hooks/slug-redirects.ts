import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'
import { publicStateBefore } from '@/lib/published-state'

/**
 * When a published document's address changes, its old address keeps working: it answers 301 with the new
 * one. Hooks for any collection with public pages at `pathOf(slug)` (stories, free pages, topics), added by
 * the editorial plugin (../index.ts) where a collection opts in with `slugRedirects`.
 *
 * Only the published address counts: a slug typed into a draft changes nothing until it is published (the
 * old page is live until then), and a document that was never published had no address to keep.
 *
 * The state before the change comes from `capturePublicState`, which the plugin runs in every opted-in
 * collection's beforeChange.
 *
 * The redirects are maintained with `overrideAccess: true`: they follow from a publish the user was allowed
 * to make (or the job runner made on their behalf), whatever the user's own rights on redirects.
 */
export function slugRedirectHooks(pathOf: (slug: string) => string): {
  afterChange: CollectionAfterChangeHook[]
} {
  const redirectOldSlug: CollectionAfterChangeHook = async ({ collection, doc, operation, req }) => {
    const isLive = doc._status === undefined || doc._status === 'published'
    if (!isLive || typeof doc.slug !== 'string' || doc.slug === '') return doc
    const newPath = pathOf(doc.slug)
    // A live address must never send readers away (it would hide the page, or loop back to it).
    await removeRedirectsFrom(req, newPath)
    if (operation === 'update') {
      const before = publicStateBefore(req, collection.slug, doc.id)
      if (before?.published && before.slug && before.slug !== doc.slug) {
        await redirect(req, pathOf(before.slug), newPath)
      }
    }
    return doc
  }
  return { afterChange: [redirectOldSlug] }
}

async function removeRedirectsFrom(req: PayloadRequest, path: string): Promise<void> {
  await req.payload.delete({
    collection: 'redirects',
    where: { from: { equals: path } },
    depth: 0,
    overrideAccess: true,
    req,
  })
}

/** old -> new; rules that led to `from` are pointed at `to` by the redirects' own hooks (no chains). */
async function redirect(req: PayloadRequest, from: string, to: string): Promise<void> {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { from: { equals: from } },
    limit: 1,
    depth: 0,
    overrideAccess: true,
    req,
  })
  const existing = docs[0]
  const data = { from, to, type: '301' as const, automatic: true }
  if (existing) {
    await req.payload.update({
      collection: 'redirects',
      id: existing.id,
      data,
      depth: 0,
      overrideAccess: true,
      req,
    })
  } else {
    await req.payload.create({ collection: 'redirects', data, depth: 0, overrideAccess: true, req })
  }
}
