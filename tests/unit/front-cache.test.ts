import { describe, expect, it } from 'vitest'
import { TAGS } from '@/lib/cache-tags'
import { loadEnv } from '@/lib/env'
import { keyHeaderValue } from '@/lib/front-cache-keys'
import { frontCacheOptions, renderVcl } from '@/scripts/lib/varnish'

const base = { PAYLOAD_SECRET: 'x'.repeat(32), DATABASE_URI: 'file:/tmp/front-cache-unit.db' }

describe('front cache keys', () => {
  it("turns Next.js's comma-separated cache tags into one xkey value, dropping what xkey would split", () => {
    const tags = [TAGS.article('en-historie'), TAGS.articles, '_N_T_/historier/en-historie', 'a b', ''].join(
      ',',
    )
    expect(keyHeaderValue(tags)).toBe('article:en-historie articles _N_T_/historier/en-historie')
  })
})

describe('FRONT_CACHE_URL', () => {
  it('is a comma-separated list of http(s) URLs, empty when unset', () => {
    expect(loadEnv(base).frontCacheUrls).toEqual([])
    expect(
      loadEnv({ ...base, FRONT_CACHE_URL: 'http://127.0.0.1:6081/, https://cache.example.dk' })
        .frontCacheUrls,
    ).toEqual(['http://127.0.0.1:6081', 'https://cache.example.dk'])
  })

  it('refuses anything else with a message naming the variable', () => {
    for (const value of ['127.0.0.1:6081', 'ftp://cache', 'http://user:pw@cache:6081']) {
      expect(() => loadEnv({ ...base, FRONT_CACHE_URL: value })).toThrow(/FRONT_CACHE_URL/)
    }
  })
})

describe('npm run front-cache options and VCL', () => {
  it('accepts host:port backends and IP or network purgers, refuses the rest', () => {
    expect(
      frontCacheOptions.safeParse({ listen: '127.0.0.1:6081', backends: ['127.0.0.1:3000'] }).success,
    ).toBe(true)
    for (const bad of [
      { listen: '127.0.0.1:6081', backends: [] },
      { listen: '127.0.0.1:6081', backends: ['127.0.0.1'] },
      { listen: '127.0.0.1:6081', backends: ['127.0.0.1:70000'] },
      { listen: '127.0.0.1:6081', backends: ['127.0.0.1:3000'], purgers: ['example.org'] },
      { listen: '127.0.0.1:6081', backends: ['127.0.0.1:3000'], purgers: ['10.0.0.0/33'] },
      { listen: '127.0.0.1:6081', backends: ['127.0.0.1:3000'], purgers: ['"; } sub vcl_recv {'] },
    ]) {
      expect(frontCacheOptions.safeParse(bad).success, JSON.stringify(bad)).toBe(false)
    }
  })

  it('writes every backend into the round-robin director and every purger into the ACL', () => {
    const vcl = renderVcl({ backends: ['127.0.0.1:3000', '10.0.0.2:3001'], purgers: ['10.0.0.0/24'] })
    expect(vcl).toContain('.host = "127.0.0.1";\n    .port = "3000";')
    expect(vcl).toContain('.host = "10.0.0.2";\n    .port = "3001";')
    expect(vcl).toContain('app.add_backend(app0);\n    app.add_backend(app1);')
    expect(vcl).toContain('"10.0.0.0"/24;')
    expect(vcl).not.toMatch(/\{\{[A-Z_]+\}\}/)
    expect(vcl).not.toContain('--pass-all')
  })

  it('passes every request when it is only a balancer (--pass-all)', () => {
    const vcl = renderVcl({ backends: ['127.0.0.1:3000'], passAll: true })
    expect(vcl).toMatch(/--pass-all: a balancer, no cache\.\n\s+return \(pass\);/)
  })
})
