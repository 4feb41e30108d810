import { describe, expect, it } from 'vitest'
import { redirectLocation } from '@/scripts/lib/redirect-location'

describe('the Location of a redirect a page answered', () => {
  it('is sent once when Next.js set it twice', () => {
    expect(redirectLocation('GET', '/gammel', 308, ['/ny', '/ny'])).toBe('/ny')
    expect(redirectLocation('GET', '/gammel', 308, '/ny')).toBeUndefined()
  })

  it("carries the reader's query string unless the rule has its own", () => {
    expect(redirectLocation('GET', '/gammel?utm_source=nyhedsbrev', 308, '/ny')).toBe(
      '/ny?utm_source=nyhedsbrev',
    )
    expect(redirectLocation('HEAD', '/gammel?a=1&b=2', 307, ['/ny', '/ny'])).toBe('/ny?a=1&b=2')
    expect(redirectLocation('GET', '/gammel?a=1', 308, '/ny?kampagne=x')).toBeUndefined()
    expect(redirectLocation('GET', '/gammel?a=1', 308, '/ny#afsnit')).toBe('/ny?a=1#afsnit')
    expect(redirectLocation('GET', '/gammel?', 308, '/ny')).toBeUndefined()
  })

  it('leaves everything else alone', () => {
    // Preview links carry their secret in the query string; it must never follow a redirect.
    expect(redirectLocation('GET', '/next/preview?secret=s&path=/x', 307, '/x')).toBeUndefined()
    expect(redirectLocation('GET', '/api/x?a=1', 307, '/y')).toBeUndefined()
    expect(redirectLocation('GET', '/admin?a=1', 307, '/admin/login')).toBeUndefined()
    expect(redirectLocation('POST', '/gammel?a=1', 308, '/ny')).toBeUndefined()
    expect(redirectLocation('GET', '/gammel?a=1', 301, '/ny')).toBeUndefined()
    expect(redirectLocation('GET', '/gammel?a=1', 308, '//evil.example/x')).toBeUndefined()
    expect(redirectLocation('GET', '/gammel?a=1', 308, 'https://faxe.example/ny')).toBeUndefined()
    expect(redirectLocation('GET', '/gammel', 308, ['/a', '/b'])).toBeUndefined()
    expect(redirectLocation('GET', '/gammel', 308, undefined)).toBeUndefined()
  })
})
