import { createHash } from 'node:crypto'
import { unstable_cache } from 'next/cache'
import { executeAuthStrategies, type Payload } from 'payload'
import { ALL_COLLECTION_TAGS } from '@/lib/cache-tags'
import { env } from '@/lib/env'

/**
 * Anonymous REST reads answered from Next.js's data cache, the same cache (and the same tags) the pages
 * use: the full Payload read (access, population, Lexical hooks) costs about 15 ms of CPU, so without it
 * a REST list managed 69 requests/s on our 2-core machines against 1,300 for a cached page.
 *
 * Three rules keep it from leaking:
 * 1. A request carrying anything that looks like a credential (an Authorization header, a cookie whose
 *    name reads `payload-token` in any case or spacing, any cookie at all) never touches the cache.
 * 2. Of the rest, only a request that Payload's own authentication finds no user for is answered from it
 *    (`executeAuthStrategies`, the part of `payload.auth` that decides the user).
 * 3. What is stored is computed from a request that has no credentials at all: the cached function builds
 *    its own request from the normalised URL and the reader's language, and no header of the reader's.
 *
 * Invalidation is the pages' own: every entry carries the content tags of lib/cache-tags.ts, which the
 * collection and global hooks revalidate on every change. A REST read can populate any collection, so an
 * entry carries all of them (ALL_COLLECTION_TAGS): a change anywhere expires every stored API answer.
 *
 * Size: an answer above MAX_ENTRY_BYTES is served but not stored, so no single request can push out the
 * rest. The total is capped by the store: Next.js's in-memory tier is an LRU sized in bytes
 * (`cacheMaxMemorySize`, 50 MB by default, each entry counted by its JSON length); a shared cache handler
 * (Redis) has its own `maxmemory` and eviction. Keys come from the normalised query (at most
 * MAX_QUERY_LENGTH characters), so spellings of the same query share one entry.
 */

const MAX_ENTRY_BYTES = 256 * 1024
const MAX_QUERY_LENGTH = 512
/** Other instances' changes reach this one through shared tags; without a shared cache, after this long. */
const REVALIDATE_SECONDS = 30

/** The first path segments of reads that may be cached (uploaded files stream from disk instead). */
const CACHED_SEGMENTS = new Set([
  'articles',
  'pages',
  'quotes',
  'interns',
  'contacts',
  'topics',
  'media',
  'globals',
])

/**
 * True when the request carries something that might identify a user to any auth strategy, now or after
 * a configuration change. Deliberately broad: a false positive only costs a cache hit.
 */
export function looksLikeCredentials(headers: Headers): boolean {
  if (headers.has('authorization')) return true
  const cookie = headers.get('cookie')
  if (cookie !== null && cookie.trim() !== '') return true
  for (const name of headers.keys()) {
    if (/token|api-?key|session|auth/i.test(name)) return true
  }
  return false
}

/** Who is asking, by Payload's own authentication: null for nobody. */
export async function payloadUser(payload: Payload, headers: Headers): Promise<unknown> {
  const { user } = await executeAuthStrategies({ headers, payload, canSetHeaders: false })
  return user ?? null
}

export function isCacheableRead(segments: string[], search: string): boolean {
  const [first, second] = segments
  return !!first && CACHED_SEGMENTS.has(first) && second !== 'file' && search.length <= MAX_QUERY_LENGTH
}

type Stored = { status: number; contentType: string; body: string }

/**
 * Which database the answers come from, in every key: a cache shared by processes (the file-system cache
 * of one build, or Redis) must never hand one database's answer to a process serving another.
 */
let databaseKey: string | undefined
function database(): string {
  databaseKey ??= createHash('sha256').update(env().database.url).digest('hex').slice(0, 16)
  return databaseKey
}

/** Thrown out of the cached function so that Next.js stores nothing; carries the answer to send. */
class NotStored extends Error {
  constructor(readonly response: Stored) {
    super('not stored')
  }
}

/**
 * The anonymous answer for `url` (already normalised) in `language`, from the data cache or from `read`,
 * which is called with a request that carries nothing of the reader's but the language.
 */
export async function anonymousRead(
  url: URL,
  language: string,
  read: (request: Request) => Promise<Response>,
): Promise<Response> {
  const cached = unstable_cache(
    async (href: string, lang: string): Promise<Stored> => {
      const response = await read(new Request(href, { headers: { 'accept-language': lang } }))
      const stored: Stored = {
        status: response.status,
        contentType: response.headers.get('content-type') ?? 'application/json',
        body: await response.text(),
      }
      if (response.status >= 500 || Buffer.byteLength(stored.body) > MAX_ENTRY_BYTES) {
        throw new NotStored(stored)
      }
      return stored
    },
    ['rest-read', database()],
    { tags: [...ALL_COLLECTION_TAGS], revalidate: REVALIDATE_SECONDS },
  )
  let stored: Stored
  try {
    stored = await cached(url.href, language)
  } catch (error) {
    if (!(error instanceof NotStored)) throw error
    stored = error.response
  }
  return new Response(stored.body, { status: stored.status, headers: { 'content-type': stored.contentType } })
}
