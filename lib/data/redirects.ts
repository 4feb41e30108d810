import { payloadClient } from '@/lib/payload'
import { type RedirectRule, redirectRule } from '@/lib/redirects'

/** More redirects than a site of this size will ever have; a bound, not a page size. */
const MAX_REDIRECTS = 10_000

/**
 * Every redirect rule, for the proxy's in-memory map. Deliberately not wrapped in `unstable_cache`: the
 * proxy is the cache (it asks at most once per TTL per server process), and a data-cache entry here would
 * be cleared only on the instance where the change was made, so other instances would keep serving old
 * rules after their TTL ran out.
 */
export async function getRedirectRules(): Promise<RedirectRule[]> {
  const payload = await payloadClient()
  const { docs } = await payload.find({
    collection: 'redirects',
    limit: MAX_REDIRECTS,
    pagination: false,
    depth: 0,
    overrideAccess: false,
    select: { from: true, to: true, type: true },
  })
  return docs.flatMap((doc) => {
    // Stored rules were validated on save; one that no longer parses (rules tightened since) is skipped.
    const parsed = redirectRule.safeParse({ from: doc.from, to: doc.to, status: Number(doc.type) })
    return parsed.success ? [parsed.data] : []
  })
}
