import { describe, expect, it } from 'vitest'
import { loadSharedCacheEnv } from '@/lib/env'
import {
  deserialize,
  entryKey,
  expiredByTags,
  MAX_TTL_SECONDS,
  readerKeyed,
  serialize,
  storedTags,
  tagExpiration,
  tagKeys,
  ttlSeconds,
} from '@/lib/shared-cache/entries'

describe('shared cache keys', () => {
  it('puts every entry under the installation prefix and the build id, keeping Next.js key whole', () => {
    expect(entryKey('faxe', 'build-1', '/route-cache/APP_PAGE/ab12/$/historier')).toBe(
      'faxe:build-1:entry:/route-cache/APP_PAGE/ab12/$/historier',
    )
    expect(entryKey('faxe', 'build-2', 'k')).not.toBe(entryKey('faxe', 'build-1', 'k'))
    expect(entryKey('kommune-b', 'build-1', 'k')).not.toBe(entryKey('faxe', 'build-1', 'k'))
  })

  it('keeps tag expirations per installation but not per build, so a rolling deploy shares them', () => {
    expect(tagKeys('faxe')).toEqual({ stale: 'faxe:tags:stale', expired: 'faxe:tags:expired' })
    expect(tagKeys('faxe').expired).not.toContain('build')
  })

  it('reads REDIS_KEY_PREFIX with a default and refuses what could collide with other keys', () => {
    expect(loadSharedCacheEnv({})).toEqual({
      redisUrl: undefined,
      redisKeyPrefix: 'faxe',
      frontCacheUrls: [],
    })
    expect(
      loadSharedCacheEnv({ REDIS_URL: 'redis://127.0.0.1:6379/2', REDIS_KEY_PREFIX: 'faxe-prod' }),
    ).toEqual({
      redisUrl: 'redis://127.0.0.1:6379/2',
      redisKeyPrefix: 'faxe-prod',
      frontCacheUrls: [],
    })
    expect(() => loadSharedCacheEnv({ REDIS_KEY_PREFIX: 'a b' })).toThrow(/REDIS_KEY_PREFIX/)
    expect(() => loadSharedCacheEnv({ REDIS_KEY_PREFIX: 'x:*' })).toThrow(/REDIS_KEY_PREFIX/)
    expect(() => loadSharedCacheEnv({ REDIS_URL: 'http://cache' })).toThrow(/REDIS_URL/)
    expect(
      loadSharedCacheEnv({ FRONT_CACHE_URL: 'http://127.0.0.1:6081/, http://10.0.0.2:6081' }),
    ).toMatchObject({
      frontCacheUrls: ['http://127.0.0.1:6081', 'http://10.0.0.2:6081'],
    })
    expect(() => loadSharedCacheEnv({ FRONT_CACHE_URL: 'ftp://cache' })).toThrow(/FRONT_CACHE_URL/)
  })
})

describe('which tags an entry answers to', () => {
  it("takes a page's tags from Next.js's x-next-cache-tags header, a data entry's from set()", () => {
    const page = {
      kind: 'APP_PAGE',
      headers: { 'x-next-cache-tags': '_N_T_/layout,_N_T_/historier,articles' },
    }
    expect(storedTags(page, undefined)).toEqual(['_N_T_/layout', '_N_T_/historier', 'articles'])
    expect(storedTags({ kind: 'FETCH', data: {} }, ['article:a', 'articles', 'articles'])).toEqual([
      'article:a',
      'articles',
    ])
    expect(storedTags(null, undefined)).toEqual([])
  })
})

describe('which entries readers decide the number of', () => {
  const fetchEntry = (body: string) => ({ kind: 'FETCH', data: { headers: {}, body, status: 200, url: '' } })
  it('a search, a not-found page or route, and a lookup that found nothing', () => {
    expect(readerKeyed({ kind: 'APP_PAGE', status: 200 }, ['search-results'])).toBe(true)
    expect(readerKeyed(fetchEntry('{"total":0}'), ['search-results'])).toBe(true)
    expect(readerKeyed({ kind: 'APP_PAGE', status: 404 }, ['articles'])).toBe(true)
    expect(readerKeyed({ kind: 'APP_ROUTE', status: 404 }, [])).toBe(true)
    expect(readerKeyed(fetchEntry('null'), ['redirects'])).toBe(true)
  })

  it('not a found page, a redirect, an empty list or a found document', () => {
    expect(readerKeyed({ kind: 'APP_PAGE', status: 200 }, ['articles'])).toBe(false)
    expect(readerKeyed({ kind: 'APP_PAGE', status: 308 }, ['articles'])).toBe(false)
    expect(readerKeyed({ kind: 'APP_PAGE' }, [])).toBe(false)
    expect(readerKeyed(fetchEntry('[]'), ['topics'])).toBe(false)
    expect(readerKeyed(fetchEntry('{"slug":"a"}'), ['article:a'])).toBe(false)
    expect(readerKeyed(null, [])).toBe(false)
  })
})

describe('whether a tag expiration hides an entry', () => {
  const written = 1_000
  const now = 5_000

  it('hides an entry written before an expiration that has come', () => {
    expect(expiredByTags(written, [{ expired: 2_000 }], now)).toBe(true)
    expect(expiredByTags(written, [{}, { expired: 2_000 }], now)).toBe(true)
  })

  it('keeps an entry written after the expiration, or with untouched tags', () => {
    expect(expiredByTags(written, [{ expired: 500 }], now)).toBe(false)
    expect(expiredByTags(written, [{ expired: written - 1 }], now)).toBe(false)
    expect(expiredByTags(written, [{}, {}], now)).toBe(false)
    expect(expiredByTags(written, [], now)).toBe(false)
  })

  it('hides an entry written in the same millisecond as the expiration: which came first is unknown', () => {
    expect(expiredByTags(written, [{ expired: written }], now)).toBe(true)
    expect(expiredByTags(written, [{ stale: written, expired: 9_000 }], now)).toBe(true)
  })

  it('waits for an expiration set in the future, unless the tag was also marked stale', () => {
    expect(expiredByTags(written, [{ expired: 9_000 }], now)).toBe(false)
    expect(expiredByTags(written, [{ stale: 2_000, expired: 9_000 }], now)).toBe(true)
  })

  it('records what revalidateTag and revalidatePath ask for', () => {
    // revalidatePath: no durations, expire now.
    expect(tagExpiration(undefined)).toEqual({ markStale: false, expireAfterMs: 0 })
    // lib/revalidate.ts: revalidateTag(tag, { expire: 0 }).
    expect(tagExpiration({ expire: 0 })).toEqual({ markStale: true, expireAfterMs: 0 })
    expect(tagExpiration({ expire: 60 })).toEqual({ markStale: true, expireAfterMs: 60_000 })
    expect(tagExpiration({})).toEqual({ markStale: true, expireAfterMs: undefined })
  })
})

describe('how long Redis keeps an entry', () => {
  it("uses the page's expire time, capped, and a multiple of a data entry's revalidate", () => {
    expect(ttlSeconds({ kind: 'APP_PAGE' }, { revalidate: 60, expire: 3_600 })).toBe(3_600)
    expect(ttlSeconds({ kind: 'APP_PAGE' }, { revalidate: 60, expire: 31_536_000 })).toBe(MAX_TTL_SECONDS)
    expect(ttlSeconds({ kind: 'APP_PAGE' }, { revalidate: false })).toBe(MAX_TTL_SECONDS)
    expect(ttlSeconds({ kind: 'FETCH', revalidate: 30 }, undefined)).toBe(300)
    expect(ttlSeconds({ kind: 'FETCH', revalidate: false }, undefined)).toBe(MAX_TTL_SECONDS)
    expect(ttlSeconds(null, undefined)).toBe(MAX_TTL_SECONDS)
    expect(ttlSeconds({ kind: 'FETCH', revalidate: 1 }, undefined)).toBe(60)
  })
})

describe('entries as text', () => {
  it('keeps Buffers, Maps of Buffers and strings exactly', () => {
    const value = {
      kind: 'APP_PAGE',
      html: '<p>Fællesskab « » \u2028</p>',
      rscData: Buffer.from([0, 1, 254, 255]),
      segmentData: new Map([['/_tree', Buffer.from('træ')]]),
      headers: { 'x-next-cache-tags': 'a,b' },
      status: 200,
      postponed: undefined,
    }
    const copy = deserialize(serialize(value)) as typeof value
    expect(Buffer.isBuffer(copy.rscData)).toBe(true)
    expect([...copy.rscData]).toEqual([0, 1, 254, 255])
    expect(copy.segmentData).toBeInstanceOf(Map)
    expect(copy.segmentData.get('/_tree')?.toString()).toBe('træ')
    expect(copy.html).toBe(value.html)
    expect(copy.headers).toEqual(value.headers)
  })

  it('keeps a Uint8Array that is a view into a larger buffer to its own bytes', () => {
    const whole = Buffer.from('0123456789')
    const view = whole.subarray(2, 5)
    expect((deserialize(serialize({ body: view })) as { body: Buffer }).body.toString()).toBe('234')
  })
})
