import { describe, expect, it } from 'vitest'
import { hasValidSignature, isFresh, signBody } from '@/lib/internal-request'

describe('signed internal requests', () => {
  it('accept the signature of the same body only', () => {
    const body = JSON.stringify({ tags: ['articles'], paths: [], issuedAt: Date.now() })
    const signature = signBody(body)
    expect(hasValidSignature(body, signature)).toBe(true)
    expect(hasValidSignature(body.replace('articles', 'users'), signature)).toBe(false)
    expect(hasValidSignature(body, null)).toBe(false)
    expect(hasValidSignature(body, 'nope')).toBe(false)
    expect(hasValidSignature(body, '0'.repeat(64))).toBe(false)
  })

  it('are fresh for a minute, allowing a little clock skew', () => {
    const now = 1_800_000_000_000
    expect(isFresh(now - 59_000, now)).toBe(true)
    expect(isFresh(now - 61_000, now)).toBe(false)
    expect(isFresh(now + 3_000, now)).toBe(true)
    expect(isFresh(now + 60_000, now)).toBe(false)
  })
})
