import { describe, expect, it } from 'vitest'
import { parseSearchParams, parseSearchResultsParams, searchResultsPath } from '@/lib/search'

/** The segments of a `searchResultsPath` address, as the route receives them. */
function segments(path: string): [string, string] {
  const match = /^\/soeg\/resultat\/([^/]+)\/([^/]+)$/.exec(path)
  if (!match) throw new Error(`not a search results path: ${path}`)
  return [match[1]!, match[2]!]
}

describe('the address a search is cached under', () => {
  it('carries any query in one path segment and back', () => {
    for (const q of [
      'Fællesskab',
      '"struktureret program"',
      'a/b/../c?d=e#f',
      '%2F%00 praksisnærhed',
      'NEAR(x y) -z* ^w :v',
      'ø'.repeat(100),
    ]) {
      const path = searchResultsPath({ q, side: 3 })
      const [query, side] = segments(path)
      expect(query).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(parseSearchResultsParams(query, side)).toEqual({ q, side: 3 })
    }
  })

  it('reads what the query string gave: control characters gone, trimmed, the first of a repeated parameter', () => {
    const parsed = parseSearchParams({ q: ['  kyst\u0000laug ', 'andet'], side: ['2', '9'] })
    expect(parsed).toEqual({ ok: true, value: { q: 'kyst laug', side: 2 } })
    if (!parsed.ok || !parsed.value.q) throw new Error('unreachable')
    const [query, side] = segments(searchResultsPath({ q: parsed.value.q, side: parsed.value.side }))
    expect(parseSearchResultsParams(query, side)).toEqual({ q: 'kyst laug', side: 2 })
  })

  it('accepts only the spelling it makes, so no search has two entries in the cache', () => {
    const [query] = segments(searchResultsPath({ q: 'kystlaug', side: 1 }))
    expect(parseSearchResultsParams(query, '1')).toEqual({ q: 'kystlaug', side: 1 })
    // Padding, the other base64 alphabet, a page number spelled otherwise, a query the form would trim.
    expect(parseSearchResultsParams(`${query}==`, '1')).toBeNull()
    expect(parseSearchResultsParams(Buffer.from('ø?>').toString('base64'), '1')).toBeNull()
    expect(parseSearchResultsParams(query, '01')).toBeNull()
    expect(parseSearchResultsParams(Buffer.from(' kystlaug').toString('base64url'), '1')).toBeNull()
  })

  it('refuses what no search could have made: no query, bad bytes, a page out of range, too long', () => {
    expect(parseSearchResultsParams('', '1')).toBeNull()
    expect(parseSearchResultsParams(Buffer.from([0xff, 0xfe, 0x41]).toString('base64url'), '1')).toBeNull()
    expect(parseSearchResultsParams(Buffer.from('   ').toString('base64url'), '1')).toBeNull()
    const [query] = segments(searchResultsPath({ q: 'kystlaug', side: 1 }))
    for (const side of ['0', '1001', '-1', '1.5', 'x', '99999']) {
      expect(parseSearchResultsParams(query, side)).toBeNull()
    }
    expect(parseSearchResultsParams(Buffer.from('a'.repeat(101)).toString('base64url'), '1')).toBeNull()
    expect(parseSearchResultsParams('a'.repeat(601), '1')).toBeNull()
  })
})
