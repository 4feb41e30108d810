import { unstable_cache } from 'next/cache'
import { notFound, permanentRedirect, redirect } from 'next/navigation'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { normalisePath, type RedirectRule, redirectRule } from '@/lib/redirects'

/**
 * The redirect rule for one path, from the data cache (tag `redirects`, so a changed rule is seen on every
 * instance that shares the cache). Only asked when a page is not found (`notFoundOrRedirect` below): an
 * ordinary request never pays for redirects.
 */
export const findRedirect = cache((path: string): Promise<RedirectRule | null> =>
  unstable_cache(
    async (): Promise<RedirectRule | null> => {
      const payload = await payloadClient()
      const { docs } = await payload.find({
        collection: 'redirects',
        where: { from: { equals: path } },
        limit: 1,
        depth: 0,
        overrideAccess: false,
        select: { from: true, to: true, type: true },
      })
      const doc = docs[0]
      if (!doc) return null
      // Stored rules were validated on save; one that no longer parses (rules tightened since) is skipped.
      const parsed = redirectRule.safeParse({ from: doc.from, to: doc.to, status: Number(doc.type) })
      return parsed.success ? parsed.data : null
    },
    ['redirect', path],
    { tags: [TAGS.redirects] },
  )(),
)

/**
 * What a page does when it has nothing at its address: send the reader on when the editor made a redirect
 * for it (an old slug, an address from the old site), otherwise the 404 page.
 *
 * A page can answer a redirect only as 308 (permanent) or 307 (temporary): the method-preserving forms of
 * the 301 and 302 the editor chooses between, which browsers and search engines treat alike for the GET
 * requests that pages answer. A cached page never sees the reader's query string; the server adds it to
 * the Location (scripts/lib/redirect-location.ts).
 */
export async function notFoundOrRedirect(path: string): Promise<never> {
  const rule = await findRedirect(normalisePath(path))
  if (rule?.status === 301) permanentRedirect(rule.to)
  if (rule?.status === 302) redirect(rule.to)
  notFound()
}
