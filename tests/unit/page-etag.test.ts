import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { notModified, pageEtag, type PageCacheEntry, wantsDocument } from '@/scripts/lib/page-etag'

const request = (headers: Record<string, string>, method = 'GET') =>
  ({ method, headers }) as unknown as IncomingMessage

const page = (html: string, status = 200): PageCacheEntry => ({
  value: { kind: 'APP_PAGE', status, html: { isDynamic: false, toUnchunkedString: () => html } },
})

describe('the ETag of a cached page', () => {
  it('is the same for the same bytes and differs for others', () => {
    const etag = pageEtag(page('<html>a</html>'))
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
    expect(pageEtag(page('<html>a</html>'))).toBe(etag)
    expect(pageEtag(page('<html>b</html>'))).not.toBe(etag)
  })

  it('is left out for a streamed body, another status, or what is not a page', () => {
    expect(
      pageEtag({ value: { kind: 'APP_PAGE', html: { isDynamic: true, toUnchunkedString: () => 'x' } } }),
    ).toBeUndefined()
    expect(pageEtag(page('<html>nope</html>', 404))).toBeUndefined()
    expect(pageEtag({ value: { kind: 'APP_ROUTE' } })).toBeUndefined()
    expect(pageEtag(null)).toBeUndefined()
  })

  it('is for the document only, not the RSC payloads of a client navigation', () => {
    expect(wantsDocument(request({}))).toBe(true)
    expect(wantsDocument(request({}, 'HEAD'))).toBe(true)
    expect(wantsDocument(request({}, 'POST'))).toBe(false)
    expect(wantsDocument(request({ rsc: '1' }))).toBe(false)
    expect(wantsDocument(request({ 'next-router-prefetch': '1' }))).toBe(false)
    expect(wantsDocument(request({ 'next-router-segment-prefetch': '/_tree' }))).toBe(false)
  })
})

describe('If-None-Match', () => {
  const etag = '"abc"'
  it('matches the ETag in a list, weak or strong, and *, also when the client asks caches for no-cache', () => {
    expect(notModified(request({ 'if-none-match': '"abc"' }), etag)).toBe(true)
    expect(notModified(request({ 'if-none-match': '"x",  W/"abc"' }), etag)).toBe(true)
    expect(notModified(request({ 'if-none-match': '*' }), etag)).toBe(true)
    expect(notModified(request({ 'if-none-match': '"abc"', 'cache-control': 'no-cache' }), etag)).toBe(true)
  })

  it('does not match another ETag or an empty header', () => {
    expect(notModified(request({ 'if-none-match': '"abd"' }), etag)).toBe(false)
    expect(notModified(request({ 'if-none-match': '' }), etag)).toBe(false)
    expect(notModified(request({}), etag)).toBe(false)
  })
})
