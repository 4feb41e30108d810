import { type RedirectRule, redirectList, redirectsGeneration } from '@/lib/redirects'

/**
 * The proxy's redirect rules, held in memory so an ordinary request costs one Map look-up and never a
 * database query. The map is loaded lazily from GET /api/internal/redirects and reloaded when:
 *
 * - the redirects collection changed in this process: its hooks raise a generation number on globalThis
 *   (lib/redirects.ts), which this module compares with the generation it loaded at, so an editor's new
 *   redirect or a slug change answers 301 on the very next request;
 * - the TTL ran out: changes made on another server instance (or by a script) raise the generation only
 *   there, so this instance catches up within TTL_MS.
 *
 * A failed load keeps the previous rules and tries again after RETRY_MS, so an outage of the route neither
 * drops every redirect nor sends every request to the database.
 */

export const TTL_MS = 30_000
const RETRY_MS = 5_000

type Loaded = { rules: Map<string, RedirectRule>; generation: number; validUntil: number }

let loaded: Loaded | undefined
let inFlight: Promise<void> | undefined

async function reload(fetchList: () => Promise<unknown>): Promise<void> {
  // Taken before the fetch: a change made while it runs leaves the map one generation behind, so the next
  // request loads again rather than keeping rules from before the change.
  const generation = redirectsGeneration()
  try {
    const { redirects } = redirectList.parse(await fetchList())
    loaded = {
      rules: new Map(redirects.map((rule) => [rule.from, rule])),
      generation,
      validUntil: Date.now() + TTL_MS,
    }
  } catch (error) {
    console.error(
      '[redirects] could not load the redirect map:',
      error instanceof Error ? error.message : error,
    )
    loaded = { rules: loaded?.rules ?? new Map(), generation, validUntil: Date.now() + RETRY_MS }
  }
}

/** The rule for `path` (already normalised), loading or reloading the map first when it is stale. */
export async function findRedirect(
  path: string,
  fetchList: () => Promise<unknown>,
): Promise<RedirectRule | undefined> {
  if (!loaded || loaded.generation !== redirectsGeneration() || Date.now() >= loaded.validUntil) {
    // Concurrent requests share one load.
    inFlight ??= reload(fetchList).finally(() => (inFlight = undefined))
    await inFlight
  }
  return loaded?.rules.get(path)
}
