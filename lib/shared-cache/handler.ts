import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import type {
  CacheHandler,
  CacheHandlerContext,
  CacheHandlerValue,
} from 'next/dist/server/lib/incremental-cache'
import { loadSharedCacheEnv } from '@/lib/env'
import { purgeFrontCaches } from '@/lib/front-cache'
import { readerKeyed, storedTags, ttlSeconds, unique } from './entries'
import { SharedCacheStore } from './store'

/**
 * Next.js's incremental cache (full-route/ISR pages, route handlers, `unstable_cache` data) in Redis, so
 * that every instance of the site reads the same entries and a `revalidateTag`/`revalidatePath` on any of
 * them expires the entry on all. The site's handler (the default export below, next.config.ts's
 * `cacheHandler`) uses it when REDIS_URL is set at server start; without it, Next.js's own file-system
 * and memory cache.
 * https://nextjs.org/docs/app/api-reference/config/next-config-js/incrementalCacheHandlerPath
 *
 * What Next.js 16.4's code expects of a custom handler (server/lib/incremental-cache/index.js):
 * - It makes one handler object per request; state that must last (the Redis connection) is per process.
 * - Tag expirations are the handler's business. Next.js's own tags manifest is filled only by its
 *   file-system cache, so with a custom handler it stays empty and `get` must itself refuse an entry whose
 *   tags were expired after it was written. A page's or route's tags are in its `x-next-cache-tags` header
 *   (including the implicit `_N_T_/<path>` tags that `revalidatePath` expires); a data entry's come with
 *   `get` as `tags` and, for the page being rendered, `softTags`.
 * - `revalidateTag(tags, durations)` is called once the request that called `revalidateTag`/
 *   `revalidatePath` has run (server/revalidation-utils.js), with `durations` undefined for "expire now"
 *   (revalidatePath) and `{ expire }` for a profile (`{ expire: 0 }` is what lib/revalidate.ts passes).
 *
 * Next.js imports this file itself, with Node's `import()` and outside the app's bundle (so it runs under
 * the `tsx` loader that scripts/serve.ts starts with), which is also why it reads its two variables with
 * `loadSharedCacheEnv` rather than the app's `env()`.
 */

const STORE = Symbol.for('faxe.shared-cache.store')
type Holder = { [STORE]?: SharedCacheStore }

function store(): SharedCacheStore {
  const holder = globalThis as Holder
  if (!holder[STORE]) {
    const { redisUrl, redisKeyPrefix } = loadSharedCacheEnv()
    if (!redisUrl) throw new Error('The shared cache handler is configured but REDIS_URL is not set')
    holder[STORE] = new SharedCacheStore(redisUrl, redisKeyPrefix)
  }
  return holder[STORE]
}

const buildIds = new Map<string, string>()

/** The id of the build being served (`<distDir>/BUILD_ID`), part of every entry's key. */
function buildIdOf(serverDistDir: string | undefined): string {
  if (!serverDistDir) throw new Error('The shared cache handler needs the server build folder')
  let id = buildIds.get(serverDistDir)
  if (!id) {
    id = readFileSync(path.join(serverDistDir, '..', 'BUILD_ID'), 'utf8').trim()
    buildIds.set(serverDistDir, id)
  }
  return id
}

/**
 * How long Redis keeps an entry whose number readers decide (`readerKeyed`: one per distinct search, per
 * made-up address, per slug that found nothing), where other entries may stay a week.
 */
export const READER_KEYED_TTL_SECONDS = 60 * 60

/** Is this an entry whose number readers decide? */
function isReaderKeyed(data: CacheHandlerValue['value'], ctx: SetContext): boolean {
  return readerKeyed(data, storedTags(data, ctx.fetchCache ? ctx.tags : undefined))
}

type GetContext = Parameters<CacheHandler['get']>[1]
type SetContext = Parameters<CacheHandler['set']>[2]
type Durations = Parameters<CacheHandler['revalidateTag']>[1]

class RedisCacheHandler implements CacheHandler {
  private readonly buildId: string

  constructor(ctx: CacheHandlerContext) {
    this.buildId = buildIdOf(ctx.serverDistDir)
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const readerTags = ctx.kind === 'FETCH' ? unique([...(ctx.tags ?? []), ...(ctx.softTags ?? [])]) : []
    const entry = await store().get(this.buildId, key, readerTags)
    if (!entry) return null
    const { value, cacheControl } = entry.value as Pick<CacheHandlerValue, 'value' | 'cacheControl'>
    return { lastModified: entry.lastModified, value, cacheControl }
  }

  async set(key: string, data: CacheHandlerValue['value'], ctx: SetContext): Promise<void> {
    const cacheControl = ctx.fetchCache ? undefined : ctx.cacheControl
    const tags = storedTags(data, ctx.fetchCache ? ctx.tags : undefined)
    const ttl = ttlSeconds(data, cacheControl)
    await store().set(
      this.buildId,
      key,
      { value: data, cacheControl },
      tags,
      readerKeyed(data, tags) ? Math.min(ttl, READER_KEYED_TTL_SECONDS) : ttl,
    )
  }

  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    await store().expireTags(unique(typeof tags === 'string' ? [tags] : tags), durations)
  }

  resetRequestCache(): void {}
}

/**
 * Next.js's own cache (file system and memory), the one it uses when no handler is configured; with
 * `flushToDisk: false`, its memory alone. Every instance of it shares one memory store (a static LRU of
 * `cacheMaxMemorySize`, 50 MB by default), so an entry set through either is found by `get` of either.
 */
function fileSystemCache(ctx: CacheHandlerContext): CacheHandler {
  return new (fileSystemCacheClass())(ctx)
}

type FileSystemCacheClass = new (ctx: CacheHandlerContext) => CacheHandler
let fileSystemCacheLoaded: FileSystemCacheClass | undefined
function fileSystemCacheClass(): FileSystemCacheClass {
  fileSystemCacheLoaded ??= (
    createRequire(import.meta.url)('next/dist/server/lib/incremental-cache/file-system-cache.js') as {
      default: FileSystemCacheClass
    }
  ).default
  return fileSystemCacheLoaded
}

/**
 * Read once per process: Next.js makes a handler for every request, and parsing the environment with zod
 * and loading Next.js's cache module each time took about a tenth of the server's CPU while it answered a
 * cached page (profiled under wrk).
 */
let sharedCacheEnv: ReturnType<typeof loadSharedCacheEnv> | undefined
const cacheEnv = () => (sharedCacheEnv ??= loadSharedCacheEnv())

/**
 * The handler next.config.ts configures for every production server: the entries live in Redis (REDIS_URL)
 * or in Next.js's own file-system cache; and every tag expiration is also sent to the front caches
 * (FRONT_CACHE_URL, lib/front-cache.ts).
 *
 * Some entries are keyed by what readers type, so readers decide how many there are (`readerKeyed`): the
 * search's own (data and result pages), not-found pages, and lookups that found nothing. Next.js never
 * deletes a file of its cache. Without Redis they are kept in the memory store alone, whose LRU bounds
 * them (one that fell out is rendered again); in Redis they expire after READER_KEYED_TTL_SECONDS.
 * Measured before: every distinct `/soeg?q=` wrote a file under `<distDir>/cache/fetch-cache`, and every
 * made-up `/historier/<slug>` seven files under `server/route-cache` and one data entry, that nothing
 * ever removed.
 *
 * `revalidateTag` here is the moment a revalidation takes effect: Next.js calls it once the request that
 * asked for it (lib/revalidate.ts, from `after()`) has run. The purge goes out only after the entries are
 * expired, so a front cache that refills at once gets the new page, never the old one again. The tags
 * Next.js passes are the lib/cache-tags.ts names and, for `revalidatePath`, its path tags (`_N_T_/…`):
 * the same names the pages carry in their `xkey` header.
 */
export default class SiteCacheHandler implements CacheHandler {
  private readonly inner: CacheHandler
  /** Without Redis: where reader-keyed entries go (the same memory store, never the disk). */
  private readonly memoryOnly: CacheHandler | undefined
  private readonly frontCaches: string[]

  constructor(ctx: CacheHandlerContext) {
    const { redisUrl, frontCacheUrls } = cacheEnv()
    this.inner = redisUrl ? new RedisCacheHandler(ctx) : fileSystemCache(ctx)
    this.memoryOnly = redisUrl ? undefined : fileSystemCache({ ...ctx, flushToDisk: false })
    this.frontCaches = frontCacheUrls
  }

  get(...args: Parameters<CacheHandler['get']>): ReturnType<CacheHandler['get']> {
    return this.inner.get(...args)
  }

  set(...args: Parameters<CacheHandler['set']>): ReturnType<CacheHandler['set']> {
    const [, data, ctx] = args
    if (this.memoryOnly && isReaderKeyed(data, ctx)) return this.memoryOnly.set(...args)
    return this.inner.set(...args)
  }

  async revalidateTag(tags: string | string[], durations?: Durations): Promise<void> {
    await this.inner.revalidateTag(tags, durations)
    await purgeFrontCaches(this.frontCaches, typeof tags === 'string' ? [tags] : tags)
  }

  resetRequestCache(): void {
    this.inner.resetRequestCache?.()
  }
}
