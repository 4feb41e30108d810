import { TAGS } from '@/lib/cache-tags'

/**
 * The pure parts of the shared cache (lib/shared-cache/handler.ts): where an entry lives in Redis, how long
 * it stays, which tags it answers to, whether a tag expiration has made it stale, and how its value
 * (strings, Buffers, Maps) is written as text. No Redis and no Next.js runtime here, so they can be tested
 * on their own (tests/unit/shared-cache.test.ts).
 */

/**
 * Where an entry lives: under the installation's prefix (REDIS_KEY_PREFIX) and the build id, so a new
 * deploy never reads pages an old build rendered (their HTML points at the old build's scripts). Next.js's
 * key is kept whole: the docs call cache keys opaque, to be preserved as given.
 */
export function entryKey(prefix: string, buildId: string, nextKey: string): string {
  return `${prefix}:${buildId}:entry:${nextKey}`
}

/**
 * The two hashes of tag expirations (tag -> milliseconds, Redis's own clock). Deliberately NOT per build:
 * during a rolling deploy an editor's save on an old-build instance must expire the new build's pages too,
 * and the other way round.
 */
export function tagKeys(prefix: string): { stale: string; expired: string } {
  return { stale: `${prefix}:tags:stale`, expired: `${prefix}:tags:expired` }
}

/**
 * The header in which Next.js keeps a page's or route's tags on its cache entry (x-next-cache-tags):
 * the tags of every `unstable_cache` it read plus the implicit `_N_T_/...` path tags that `revalidatePath`
 * expires. Next.js's own file-system cache reads them from there too.
 */
export const NEXT_CACHE_TAGS_HEADER = 'x-next-cache-tags'

type Headers = Record<string, unknown> | undefined

/** The tags stored with an entry: a page's or route's from its header, a data entry's from `set`'s context. */
export function storedTags(value: unknown, contextTags: readonly string[] | undefined): string[] {
  const headers =
    value && typeof value === 'object' && 'headers' in value ? (value.headers as Headers) : undefined
  const header = headers?.[NEXT_CACHE_TAGS_HEADER]
  const fromHeader = typeof header === 'string' ? header.split(',') : []
  return unique([...fromHeader, ...(contextTags ?? [])])
}

/**
 * Whether readers decide how many entries of this kind there are, so the cache must bound them (memory
 * LRU, or a short lifetime in Redis) rather than keep them: a search's own entries (its tag), a
 * page or route answered with 404 (any address a reader makes up), and a data entry whose value is null,
 * which is how every lookup by a reader's slug or path in lib/data says it found nothing.
 */
export function readerKeyed(value: unknown, tags: readonly string[]): boolean {
  if (tags.includes(TAGS.searchResults)) return true
  if (!value || typeof value !== 'object' || !('kind' in value)) return false
  if (value.kind === 'FETCH') {
    const data = 'data' in value ? (value.data as { body?: unknown } | undefined) : undefined
    return data?.body === 'null'
  }
  return 'status' in value && value.status === 404
}

export function unique(tags: readonly string[]): string[] {
  // A comma separates tags where they are stored (and in Next.js's own header), so none can contain one.
  return [...new Set(tags.filter((tag) => tag !== '' && !tag.includes(',')))]
}

/** When a tag was last expired (`revalidateTag`), in Redis's clock; either may be missing. */
export type TagTimes = { stale?: number; expired?: number }

/**
 * Whether an entry written at `lastModified` must not be served because of its tags: Next.js's own rule
 * (tags-manifest: an expiration that has come and that is later than the entry), with one difference.
 * A tag marked stale (`revalidateTag(tag, profile)`) also counts as expired here, where Next.js would serve
 * the stale entry once and render in the background: a custom handler cannot tell Next.js "stale" for a
 * page without faking its timestamps, and a fresh render is the safe side. The site only ever expires at
 * once (`{ expire: 0 }`), where the two rules agree.
 *
 * An entry written in the same millisecond as the expiration counts as expired (Next.js's `>` would keep
 * it): the clock cannot tell which came first, the render may have read the old content, and the cost of
 * the safe side is one extra render.
 */
export function expiredByTags(lastModified: number, tags: readonly TagTimes[], now: number): boolean {
  return tags.some(
    ({ stale, expired }) =>
      (expired !== undefined && expired <= now && expired >= lastModified) ||
      (stale !== undefined && stale >= lastModified),
  )
}

/** What `revalidateTag(tags, durations)` records: the stale mark, and when the tags expire (ms from now). */
export function tagExpiration(durations: { expire?: number } | undefined): {
  markStale: boolean
  expireAfterMs: number | undefined
} {
  // Without durations (revalidatePath, updateTag) Next.js expires at once; with them it marks the tags
  // stale and expires them after `expire` seconds (file-system-cache.js does the same).
  if (!durations) return { markStale: false, expireAfterMs: 0 }
  return {
    markStale: true,
    expireAfterMs: durations.expire === undefined ? undefined : Math.max(0, durations.expire) * 1000,
  }
}

/**
 * The longest any entry stays in Redis. An entry nobody reads is dropped after this and rendered afresh
 * when someone does; a page whose route says `revalidate: false` would otherwise stay for ever.
 */
export const MAX_TTL_SECONDS = 7 * 24 * 60 * 60

/** Redis's lifetime for an entry: what Next.js says the entry lives (`expire`, else `revalidate`), capped. */
export function ttlSeconds(
  value: unknown,
  cacheControl: { revalidate?: unknown; expire?: unknown } | undefined,
): number {
  const fetchRevalidate =
    value && typeof value === 'object' && 'revalidate' in value ? value.revalidate : undefined
  // A data entry past `revalidate` is still served once while it is renewed (stale-while-revalidate),
  // so it is kept a while longer than that.
  const candidates = [
    cacheControl?.expire,
    typeof fetchRevalidate === 'number' && fetchRevalidate > 0 ? fetchRevalidate * 10 : undefined,
  ]
  const lifetime = candidates.find((v): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0)
  return Math.max(60, Math.min(MAX_TTL_SECONDS, Math.ceil(lifetime ?? MAX_TTL_SECONDS)))
}

/**
 * A cache value as text. Next.js's values hold Buffers (RSC payloads, route bodies) and a Map (segment
 * data), which JSON would turn into arrays of numbers and `{}`; they are written as base64 and entry lists.
 */
export function serialize(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key, converted: unknown) {
    // `this[key]` is the value before JSON called Buffer's toJSON.
    const raw = this[key]
    if (raw instanceof Uint8Array) {
      return { $buffer: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('base64') }
    }
    if (raw instanceof Map) return { $map: [...raw.entries()] }
    return converted
  })
}

export function deserialize(text: string): unknown {
  return JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const record = value as Record<string, unknown>
      const keys = Object.keys(record)
      if (keys.length === 1 && typeof record.$buffer === 'string')
        return Buffer.from(record.$buffer, 'base64')
      if (keys.length === 1 && Array.isArray(record.$map)) return new Map(record.$map as [unknown, unknown][])
    }
    return value
  })
}
