import * as qs from 'qs-esm'
import { describe, expect, it } from 'vitest'
import { normaliseRestQuery, PAYLOAD_QS_OPTIONS } from '@/lib/api/query'
import { looksLikeCredentials } from '@/lib/api/read-cache'

/** The one parser of REST query strings (lib/api/query.ts) and the read cache's credential test. */

describe('normaliseRestQuery', () => {
  it.each([
    ['limit[]=0', /limit må kun angives én gang/],
    ['limit[0]=0', /limit må kun angives én gang/],
    ['limit[x]=0', /limit skal være én værdi/],
    ['limit=5&limit=0', /limit må kun angives én gang/],
    ['limit=0', /limit skal være et heltal fra 1 til 100/],
    ['limit=abc', /limit skal være et heltal/],
    ['page=10001', /page skal være et heltal fra 1 til 10000/],
    ['depth=4', /depth skal være et heltal fra 0 til 3/],
    ['depth[]=1', /depth må kun angives én gang/],
    ['pagination=false', /pagination=false er ikke tilladt/],
    ['pagination[]=false', /pagination må kun angives én gang/],
    ['draft=yes', /draft kan kun være true eller false/],
    ['sort[a]=title', /sort skal være feltnavne/],
    ['sort=title;drop', /sort skal være/],
    ['select=title', /select skal angives som felter/],
    ['select[title]=1', /select\[title\] skal angives/],
    ['populate=media', /populate skal angives pr\. samling/],
    ['where=garbage', /where skal angives som where\[felt\]/],
    ['data={}', /data kan ikke angives/],
    ['joins[x][limit]=0', /joins/],
  ])('refuses %s in Danish', (search, message) => {
    const result = normaliseRestQuery(`?${search}`)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.message).toMatch(message)
  })

  it.each([
    ['limit=010&depth=0', 'limit=10&depth=0'],
    ['sort[0]=-publishedAt&sort[1]=title', 'sort=-publishedAt%2Ctitle'],
    ['sort=-publishedAt&sort=title', 'sort=-publishedAt%2Ctitle'],
    ['where[title][like]=a+b', 'where[title][like]=a%20b'],
    // An empty sort names no field: dropped (MongoDB answered "sort by ''" with a 500).
    ['sort=&limit=5', 'limit=5'],
    ['sort=,,&limit=5', 'limit=5'],
  ])('writes %s back as %s', (search, written) => {
    const result = normaliseRestQuery(`?${search}`)
    expect(result.ok && result.search).toBe(`?${written}`)
  })

  it('gives Payload a query string that parses to exactly what was checked', () => {
    for (const search of [
      'limit=5&page=2&depth=1&where[or][0][title][like]=faxe&where[or][1][lead][like]=faxe',
      'select[title]=true&select[hero][alt]=true&populate[media][alt]=true&locale=da',
      'where[topics][in][0]=1&where[topics][in][1]=2&unknown[deep][er]=x',
    ]) {
      const result = normaliseRestQuery(`?${search}`)
      expect(result.ok, search).toBe(true)
      if (result.ok) expect(qs.parse(result.search, PAYLOAD_QS_OPTIONS)).toEqual(result.query)
    }
  })
})

describe('looksLikeCredentials', () => {
  it.each([
    [{ authorization: 'JWT x' }, true],
    [{ authorization: 'users API-Key x' }, true],
    [{ cookie: 'payload-token =x' }, true],
    [{ cookie: 'PAYLOAD-TOKEN=x' }, true],
    [{ cookie: 'anything=1' }, true],
    [{ 'x-auth-token': 'x' }, true],
    [{ accept: 'application/json', 'accept-language': 'da' }, false],
    [{}, false],
  ])('%j -> %s', (headers, expected) => {
    expect(looksLikeCredentials(new Headers(headers as Record<string, string>))).toBe(expected)
  })
})
