import { Redis } from 'ioredis'
import { logLine } from '@/lib/log'
import {
  deserialize,
  entryKey,
  expiredByTags,
  serialize,
  tagExpiration,
  tagKeys,
  type TagTimes,
} from './entries'

/**
 * The Redis side of the shared cache: entries and tag expirations, and what happens while Redis cannot be
 * reached. One store per process (the handler object Next.js makes per request borrows it).
 *
 * Times come from Redis's own clock (`TIME`, inside the scripts below), for entries and tag expirations
 * alike, so instances on machines whose clocks disagree still order "written" and "expired" correctly.
 *
 * An outage degrades, it never fails a request: a read is a miss (the page is rendered from the database),
 * a write is dropped, a tag expiration is kept in this process (see `pending`) and written once Redis
 * answers again. Commands fail at once while the connection is down (no offline queue) and after
 * COMMAND_TIMEOUT_MS when Redis accepts them but does not answer (a paused or overloaded server); after a
 * failure, Redis is left alone for RETRY_AFTER_MS, so a hung Redis costs one timeout a second, not one per
 * read. The outage is logged once when it starts and once when it ends.
 */

export const COMMAND_TIMEOUT_MS = 500
export const RETRY_AFTER_MS = 1000
/** At most this much text (entries' serialized length) is held as decoded copies per process. */
const COPIES_MAX_CHARS = 50 * 1024 * 1024
/** How long the first request of a fresh process waits for the first connection. */
const FIRST_CONNECT_MS = 1000

/** Milliseconds of Redis's clock, as a string (Lua's numbers print large integers in exponent form). */
const NOW = `local t = redis.call('TIME')
local now = t[1] .. string.format('%03d', math.floor(tonumber(t[2]) / 1000))`

/** KEYS: entry. ARGV: value, tags (comma-separated), ttl seconds. Returns the write time. */
const SET_SCRIPT = `${NOW}
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'v', ARGV[1], 't', now, 'g', ARGV[2], 'w', t[1] .. '.' .. t[2])
redis.call('EXPIRE', KEYS[1], ARGV[3])
return now`

/**
 * KEYS: entry, stale hash, expired hash. ARGV: the write id (Redis's time to the microsecond) of the copy
 * this process holds ('' for none), then the tags the reader adds (a data entry's tags and the page's implicit tags). Returns { now }
 * for a miss, else { now, value, written, tags, stale times, expired times }: one round trip, with the
 * tags read from the entry itself, and the write id. The value is left out (false) when the process's
 * copy is that write.
 */
const GET_SCRIPT = `${NOW}
local e = redis.call('HMGET', KEYS[1], 'v', 't', 'g', 'w')
if not e[1] then return { now } end
local tags = {}
for tag in string.gmatch(e[3] or '', '[^,]+') do table.insert(tags, tag) end
for i = 2, #ARGV do table.insert(tags, ARGV[i]) end
local stale, expired = {}, {}
if #tags > 0 then
  stale = redis.call('HMGET', KEYS[2], unpack(tags))
  expired = redis.call('HMGET', KEYS[3], unpack(tags))
end
local value = e[1]
if ARGV[1] == e[4] then value = false end
return { now, value, e[2], tags, stale, expired, e[4] }`

/** KEYS: stale hash, expired hash. ARGV: mark stale (1/0), expire after ms ('' for no expiry), tags... */
const EXPIRE_SCRIPT = `${NOW}
for i = 3, #ARGV do
  if ARGV[1] == '1' then redis.call('HSET', KEYS[1], ARGV[i], now) end
  if ARGV[2] ~= '' then
    redis.call('HSET', KEYS[2], ARGV[i], string.format('%.0f', tonumber(now) + tonumber(ARGV[2])))
  end
end
return now`

type Scripts = {
  faxeCacheSet(entry: string, value: string, tags: string, ttl: number): Promise<string>
  faxeCacheGet(
    entry: string,
    stale: string,
    expired: string,
    knownWrite: string,
    ...tags: string[]
  ): Promise<
    [string] | [string, string | null, string, string[], (string | null)[], (string | null)[], string]
  >
  faxeCacheExpire(
    stale: string,
    expired: string,
    markStale: string,
    expireAfterMs: string,
    ...tags: string[]
  ): Promise<string>
}

export type StoredEntry = { value: unknown; lastModified: number }
type Durations = { expire?: number } | undefined

export class SharedCacheStore {
  private readonly redis: Redis & Scripts
  private readonly tags: { stale: string; expired: string }
  private everReady = false
  /** Settles on the first connection, or after FIRST_CONNECT_MS without one. */
  private readonly firstConnection: Promise<void>
  private down = false
  private skipUntil = 0
  /**
   * Tag expirations this process could not write. Until they are written, every entry carrying one of
   * these tags is a miss here: an entry cached before the outage may be the old version of what changed.
   * They are written on the next successful command or reconnection (with Redis's time then, which is later
   * than every entry that existed, since no write got through in between).
   */
  private readonly pending = new Map<string, Durations>()
  private flushing: Promise<void> | undefined
  /**
   * Values this process has read, by key and write id. Redis is still asked on every read (is it the
   * same write, have its tags expired?), but a value it already holds is not sent and decoded again.
   */
  private readonly copies = new Copies(COPIES_MAX_CHARS)
  /** While Redis is away: a PING a second, so recovery (and the pending expirations) need no reader. */
  private probe: ReturnType<typeof setInterval> | undefined

  constructor(
    url: string,
    private readonly prefix: string,
  ) {
    this.tags = tagKeys(prefix)
    this.redis = new Redis(url, {
      enableOfflineQueue: false,
      commandTimeout: COMMAND_TIMEOUT_MS,
      connectTimeout: FIRST_CONNECT_MS,
      maxRetriesPerRequest: 0,
      // Reconnect for ever, at most a second apart, so shared invalidation resumes soon after Redis is back.
      retryStrategy: (attempt) => Math.min(attempt * 100, RETRY_AFTER_MS),
    }) as Redis & Scripts
    this.redis.defineCommand('faxeCacheSet', { numberOfKeys: 1, lua: SET_SCRIPT })
    this.redis.defineCommand('faxeCacheGet', { numberOfKeys: 3, lua: GET_SCRIPT })
    this.redis.defineCommand('faxeCacheExpire', { numberOfKeys: 2, lua: EXPIRE_SCRIPT })
    this.redis.on('error', (error: Error) => this.failed(error))
    this.firstConnection = new Promise<void>((resolve) => {
      setTimeout(resolve, FIRST_CONNECT_MS).unref()
      this.redis.once('ready', () => resolve())
    })
    this.redis.on('ready', () => {
      this.everReady = true
      this.skipUntil = 0
      this.recovered()
    })
  }

  /** The entry under Next.js's key, or undefined for a miss (absent, expired by a tag, or Redis away). */
  async get(buildId: string, nextKey: string, readerTags: string[]): Promise<StoredEntry | undefined> {
    const key = entryKey(this.prefix, buildId, nextKey)
    const held = this.copies.get(key)
    const reply = await this.run(() =>
      this.redis.faxeCacheGet(key, this.tags.stale, this.tags.expired, held?.writeId ?? '', ...readerTags),
    )
    if (!reply || reply.length === 1) return undefined
    const [now, text, written, tags, stale, expired, writeId] = reply
    const lastModified = Number(written)
    const times: TagTimes[] = tags.map((_, i) => ({
      stale: stale[i] ? Number(stale[i]) : undefined,
      expired: expired[i] ? Number(expired[i]) : undefined,
    }))
    if (expiredByTags(lastModified, times, Number(now))) return undefined
    if (tags.some((tag) => this.pending.has(tag))) return undefined
    if (text === null && held) return { value: held.value, lastModified }
    if (text === null) return undefined
    const value = deserialize(text)
    this.copies.set(key, { writeId, value }, text.length)
    return { value, lastModified }
  }

  async set(buildId: string, nextKey: string, value: unknown, tags: string[], ttl: number): Promise<void> {
    const text = serialize(value)
    await this.run(() =>
      this.redis.faxeCacheSet(entryKey(this.prefix, buildId, nextKey), text, tags.join(','), ttl),
    )
  }

  async expireTags(tags: string[], durations: Durations): Promise<void> {
    if (tags.length === 0) return
    const written = await this.run(() => this.writeExpiration(tags, durations))
    if (written !== undefined) return
    for (const tag of tags) this.pending.set(tag, durations)
    logLine('warn', 'shared-cache-revalidate-deferred', {
      tags: tags.join(',').slice(0, 300),
      pending: this.pending.size,
    })
  }

  /** Tags whose expiration waits for Redis (for tests and the log). */
  pendingTags(): string[] {
    return [...this.pending.keys()]
  }

  disconnect(): void {
    this.redis.disconnect()
  }

  private writeExpiration(tags: string[], durations: Durations): Promise<string> {
    const { markStale, expireAfterMs } = tagExpiration(durations)
    return this.redis.faxeCacheExpire(
      this.tags.stale,
      this.tags.expired,
      markStale ? '1' : '0',
      expireAfterMs === undefined ? '' : String(expireAfterMs),
      ...tags,
    )
  }

  /** Runs a command if Redis may be asked, and turns every failure into `undefined` (and the outage log). */
  private async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!(await this.available())) return undefined
    try {
      const result = await command()
      this.recovered()
      return result
    } catch (error) {
      this.failed(error)
      return undefined
    }
  }

  private async available(): Promise<boolean> {
    if (Date.now() < this.skipUntil) return false
    if (this.isReady()) return true
    if (!this.everReady && this.redis.status !== 'end') {
      // A fresh process: wait for the first connection rather than miss the first requests.
      await this.firstConnection
      if (this.isReady()) return true
    }
    this.failed(new Error(`not connected (${this.redis.status})`))
    return false
  }

  private isReady(): boolean {
    return this.redis.status === 'ready'
  }

  private failed(error: unknown): void {
    this.skipUntil = Date.now() + RETRY_AFTER_MS
    if (this.down) return
    this.down = true
    this.probe ??= setInterval(() => {
      if (this.isReady())
        this.redis.ping().then(
          () => this.recovered(),
          () => undefined,
        )
    }, RETRY_AFTER_MS)
    this.probe.unref()
    logLine('warn', 'shared-cache-unavailable', {
      cause: error instanceof Error ? error.message : String(error),
      effect: 'pages and data are rendered from the database and not stored until Redis answers again',
    })
  }

  private recovered(): void {
    if (!this.down) return void this.flushPending()
    this.down = false
    clearInterval(this.probe)
    this.probe = undefined
    this.skipUntil = 0
    logLine('info', 'shared-cache-available', { pending: this.pending.size })
    void this.flushPending()
  }

  private flushPending(): Promise<void> {
    if (this.pending.size === 0 || this.flushing) return this.flushing ?? Promise.resolve()
    this.flushing = (async () => {
      const byDurations = new Map<string, { durations: Durations; tags: string[] }>()
      for (const [tag, durations] of this.pending) {
        const key = JSON.stringify(durations ?? null)
        const group = byDurations.get(key) ?? { durations, tags: [] }
        group.tags.push(tag)
        byDurations.set(key, group)
      }
      for (const { durations, tags } of byDurations.values()) {
        try {
          await this.writeExpiration(tags, durations)
          for (const tag of tags) if (this.pending.get(tag) === durations) this.pending.delete(tag)
          logLine('info', 'shared-cache-revalidate-resumed', { tags: tags.join(',').slice(0, 300) })
        } catch (error) {
          this.failed(error)
          return
        }
      }
    })().finally(() => {
      this.flushing = undefined
    })
    return this.flushing
  }
}

/** A least-recently-used map bounded by the entries' text length. */
class Copies {
  private readonly entries = new Map<string, { writeId: string; value: unknown; size: number }>()
  private size = 0

  constructor(private readonly maxSize: number) {}

  get(key: string): { writeId: string; value: unknown } | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    this.entries.delete(key)
    this.entries.set(key, entry)
    return entry
  }

  set(key: string, copy: { writeId: string; value: unknown }, size: number): void {
    this.delete(key)
    if (size > this.maxSize / 10) return
    this.entries.set(key, { ...copy, size })
    this.size += size
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxSize) break
      this.entries.delete(oldest)
      this.size -= entry.size
    }
  }

  private delete(key: string): void {
    const entry = this.entries.get(key)
    if (!entry) return
    this.entries.delete(key)
    this.size -= entry.size
  }
}
