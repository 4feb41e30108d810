import { afterEach, describe, expect, it, vi } from 'vitest'
import { findRedirect, TTL_MS } from '@/lib/redirect-map'
import {
  bumpRedirectsGeneration,
  normalisePath,
  redirectFrom,
  redirectRule,
  redirectTo,
} from '@/lib/redirects'

describe('redirect paths', () => {
  it('accept site paths and store them in the form the proxy compares with', () => {
    expect(redirectFrom.parse('/nyheder/2019/projekt/')).toBe('/nyheder/2019/projekt')
    expect(redirectFrom.parse(' /fællesskab ')).toBe('/f%C3%A6llesskab')
    expect(redirectFrom.parse('/a/./b/../c')).toBe('/a/c')
    expect(redirectFrom.parse('/')).toBe('/')
    expect(redirectTo.parse('/soeg?q=praktik#resultater')).toBe('/soeg?q=praktik#resultater')
    expect(redirectTo.parse('/historier/')).toBe('/historier')
  })

  it.each([
    ['', 'Skriv en adresse'],
    ['historier', 'én /'],
    ['//evil.example', 'én /'],
    ['https://evil.example/x', 'én /'],
    ['javascript:alert(1)', 'én /'],
    ['/\\evil.example', '\\'],
    ['/med mellemrum', 'mellemrum'],
    ['/linje\nskift', 'mellemrum'],
    ['/admin', '/admin'],
    ['/administration', '/admin'],
    ['/API/users', '/admin'],
    ['/_next/static/x.js', '/admin'],
    ['/feed.xml', '/admin'],
  ])('refuse %j', (path, message) => {
    const result = redirectTo.safeParse(path)
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.message).toContain(message)
  })

  it('keep query strings and fragments out of the address a redirect comes from', () => {
    expect(redirectFrom.safeParse('/gammel?id=3').success).toBe(false)
    expect(redirectFrom.safeParse('/gammel#top').success).toBe(false)
  })

  it('normalise a request path like a stored one', () => {
    expect(normalisePath('/historier/ny-titel/')).toBe('/historier/ny-titel')
    expect(normalisePath('/f%C3%A6lles')).toBe('/f%C3%A6lles')
    expect(normalisePath('/fælles')).toBe('/f%C3%A6lles')
  })

  it('parse a rule from the internal route, and refuse a status other than 301 or 302', () => {
    expect(redirectRule.parse({ from: '/a', to: '/b', status: 301 })).toEqual({
      from: '/a',
      to: '/b',
      status: 301,
    })
    expect(redirectRule.safeParse({ from: '/a', to: '/b', status: 307 }).success).toBe(false)
  })
})

describe("the proxy's redirect map", () => {
  afterEach(() => vi.useRealTimers())

  it('loads once, then answers from memory until the rules change in this process or the TTL runs out', async () => {
    vi.useFakeTimers()
    let rules = [{ from: '/gammel', to: '/ny', status: 301 }]
    const load = vi.fn(async () => ({ redirects: rules }))

    expect(await findRedirect('/gammel', load)).toEqual({ from: '/gammel', to: '/ny', status: 301 })
    expect(await findRedirect('/andet', load)).toBeUndefined()
    expect(await findRedirect('/gammel', load)).toBeDefined()
    expect(load).toHaveBeenCalledTimes(1)

    // A change in this process (the collection's hooks raise the generation): reloaded on the next request.
    rules = [{ from: '/gammel', to: '/nyere', status: 301 }]
    bumpRedirectsGeneration()
    expect((await findRedirect('/gammel', load))?.to).toBe('/nyere')
    expect(load).toHaveBeenCalledTimes(2)

    // A change elsewhere (another instance): seen once the TTL has run out.
    rules = []
    expect(await findRedirect('/gammel', load)).toBeDefined()
    vi.advanceTimersByTime(TTL_MS + 1)
    expect(await findRedirect('/gammel', load)).toBeUndefined()
    expect(load).toHaveBeenCalledTimes(3)
  })

  it('keeps the rules it had when a reload fails, and shares one load between concurrent requests', async () => {
    vi.useFakeTimers()
    bumpRedirectsGeneration()
    const good = vi.fn(async () => ({ redirects: [{ from: '/x', to: '/y', status: 302 }] }))
    expect((await findRedirect('/x', good))?.status).toBe(302)
    bumpRedirectsGeneration()
    const failing = vi.fn(async () => {
      throw new Error('route down')
    })
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const answers = await Promise.all([findRedirect('/x', failing), findRedirect('/x', failing)])
    expect(answers.map((a) => a?.to)).toEqual(['/y', '/y'])
    expect(failing).toHaveBeenCalledTimes(1)
    expect(errors).toHaveBeenCalledOnce()
    errors.mockRestore()
  })
})
