import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest, Validate } from 'payload'
import type { Redirect } from '@/payload-types'
import { TAGS } from '@/lib/cache-tags'
import { redirectFrom, redirectTo, validateWith } from '@/lib/redirects'
import { revalidate } from '@/lib/revalidate'

/**
 * The rules that keep redirects sensible: never away from a live address (it would hide the page), never to
 * an address that itself redirects (chains, and loops), never to itself.
 */

const checkFrom = validateWith(redirectFrom)
const checkTo = validateWith(redirectTo)

/** The published story, page or topic that lives at `path`, if any. */
async function liveDocumentAt(path: string, req: PayloadRequest): Promise<string | null> {
  const [, first, second, ...rest] = path.split('/')
  if (rest.length > 0 || !first) return null
  const slug = decodeURIComponent(second ?? first)
  const target =
    second === undefined
      ? { collection: 'pages' as const, published: true }
      : first === 'historier'
        ? { collection: 'articles' as const, published: true }
        : first === 'emner'
          ? { collection: 'topics' as const, published: false }
          : null
  if (!target) return null
  const { docs } = await req.payload.find({
    collection: target.collection,
    where: {
      and: [{ slug: { equals: slug } }, ...(target.published ? [{ _status: { equals: 'published' } }] : [])],
    },
    limit: 1,
    depth: 0,
    // "Is this address live?" is a question about what the public sees; the editor asking may see more.
    overrideAccess: true,
    req,
  })
  const doc = docs[0] as { title?: string; name?: string } | undefined
  return doc ? (doc.title ?? doc.name ?? slug) : null
}

export const validateFrom: Validate<string> = async (value, { req }) => {
  const result = checkFrom(value)
  if (result !== true) return result
  const live = await liveDocumentAt(String(value), req)
  return live
    ? `${value} er adressen på "${live}", som er udgivet. En omdirigering herfra ville skjule den.`
    : true
}

export const validateTo: Validate<string> = async (value, { data, id, req }) => {
  const result = checkTo(value)
  if (result !== true) return result
  const to = String(value)
  const from = (data as Partial<Redirect> | undefined)?.from
  if (from && to === from) return 'Til-adressen må ikke være den samme som fra-adressen.'
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: {
      and: [
        { from: { equals: to.replace(/[?#].*$/, '') } },
        ...(id !== undefined ? [{ id: { not_equals: id } }] : []),
      ],
    },
    limit: 1,
    depth: 0,
    // Consistency across all rules, whoever is asking.
    overrideAccess: true,
    req,
  })
  const next = docs[0]
  return next
    ? `${to} sender selv videre til ${next.to}. Skriv ${next.to} i stedet, så læseren ikke sendes videre flere gange.`
    : true
}

/**
 * Rules that led to this rule's old address now lead straight to its new one: /a -> /b plus /b -> /c
 * becomes /a -> /c and /b -> /c, so no reader is sent on twice.
 */
export const flattenChains: CollectionAfterChangeHook<Redirect> = async ({ doc, req }) => {
  const { docs } = await req.payload.find({
    collection: 'redirects',
    where: { and: [{ to: { equals: doc.from } }, { id: { not_equals: doc.id } }] },
    depth: 0,
    pagination: false,
    // Rules maintain each other; the editor who saved this one may not know the others exist.
    overrideAccess: true,
    req,
  })
  for (const stale of docs) {
    await req.payload.update({
      collection: 'redirects',
      id: stale.id,
      data: { to: doc.to },
      depth: 0,
      overrideAccess: true,
      req,
    })
  }
  return doc
}

/** Pages look rules up through the data cache (lib/data/redirects.ts); a changed rule expires it. */
export const invalidateRedirectMap: CollectionAfterChangeHook<Redirect> = async ({ doc, req }) => {
  revalidate(req, { tags: [TAGS.redirects] })
  return doc
}

export const invalidateRedirectMapOnDelete: CollectionAfterDeleteHook<Redirect> = async ({ doc, req }) => {
  revalidate(req, { tags: [TAGS.redirects] })
  return doc
}
