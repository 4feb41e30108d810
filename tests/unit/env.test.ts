import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EnvError, loadEnv, parseDatabaseUri } from '@/lib/env'

describe('parseDatabaseUri', () => {
  it('defaults to the embedded SQLite file data/faxe.db', () => {
    expect(parseDatabaseUri(undefined, '/srv/app')).toEqual({
      kind: 'sqlite',
      url: 'file:/srv/app/data/faxe.db',
      file: '/srv/app/data/faxe.db',
    })
    expect(parseDatabaseUri('  ', '/srv/app').kind).toBe('sqlite')
  })

  it('accepts file: paths, relative and absolute', () => {
    expect(parseDatabaseUri('file:./x/y.db', '/srv/app')).toMatchObject({
      kind: 'sqlite',
      file: '/srv/app/x/y.db',
    })
    expect(parseDatabaseUri('file:/tmp/z.db', '/srv/app')).toMatchObject({
      kind: 'sqlite',
      file: '/tmp/z.db',
    })
  })

  it('recognises PostgreSQL and MongoDB URLs', () => {
    expect(parseDatabaseUri('postgres://u:p@db:5432/faxe').kind).toBe('postgres')
    expect(parseDatabaseUri('postgresql://db/faxe').kind).toBe('postgres')
    expect(parseDatabaseUri('mongodb://db:27017/faxe').kind).toBe('mongodb')
    expect(parseDatabaseUri('mongodb+srv://cluster.example/faxe').kind).toBe('mongodb')
  })

  it('refuses any other scheme with a message naming DATABASE_URI and the accepted forms', () => {
    expect(() => parseDatabaseUri('ftp://x')).toThrow(EnvError)
    expect(() => parseDatabaseUri('ftp://x')).toThrow(/DATABASE_URI.*"ftp:"[\s\S]*postgres[\s\S]*mongodb/)
    expect(() => parseDatabaseUri('not a url')).toThrow(/DATABASE_URI is not a valid URL/)
  })

  it('never repeats a password in its message', () => {
    expect(() => parseDatabaseUri('mysql://admin:hunter2@db/x')).toThrow(/admin:\*\*\*@db/)
    expect(() => parseDatabaseUri('mysql://admin:hunter2@db/x')).not.toThrow(/hunter2/)
  })
})

describe('loadEnv', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-env-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('generates the embedded database secret once, with mode 600, and reuses it', () => {
    const first = loadEnv({ NODE_ENV: 'production' }, dir)
    const file = path.join(dir, 'data', '.payload-secret')
    expect(first.payloadSecret).toMatch(/^[0-9a-f]{64}$/)
    expect(readFileSync(file, 'utf8').trim()).toBe(first.payloadSecret)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(loadEnv({ NODE_ENV: 'production' }, dir).payloadSecret).toBe(first.payloadSecret)
  })

  it('requires PAYLOAD_SECRET in production with a database server', () => {
    expect(() => loadEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://db/faxe' }, dir)).toThrow(
      /PAYLOAD_SECRET is required/,
    )
    const secret = 'x'.repeat(40)
    expect(
      loadEnv({ NODE_ENV: 'production', DATABASE_URI: 'postgres://db/faxe', PAYLOAD_SECRET: secret }, dir),
    ).toMatchObject({ payloadSecret: secret })
  })

  it('rejects a short secret, a bad port and a non-http SITE_URL by name', () => {
    expect(() => loadEnv({ PAYLOAD_SECRET: 'short' }, dir)).toThrow(/PAYLOAD_SECRET: .*at least 32/)
    expect(() => loadEnv({ PORT: 'abc' }, dir)).toThrow(/PORT/)
    expect(() => loadEnv({ SITE_URL: 'ftp://faxe' }, dir)).toThrow(/SITE_URL/)
  })

  it('takes the sitemap limit from SITEMAP_URL_LIMIT, 10 to 50,000, and refuses anything else by name', () => {
    expect(loadEnv({}, dir).sitemapUrlLimit).toBe(50_000)
    expect(loadEnv({ SITEMAP_URL_LIMIT: ' 10 ' }, dir).sitemapUrlLimit).toBe(10)
    for (const bad of ['9', '50001', '1.5', 'alle']) {
      expect(() => loadEnv({ SITEMAP_URL_LIMIT: bad }, dir)).toThrow(
        /SITEMAP_URL_LIMIT: SITEMAP_URL_LIMIT must be a whole number from 10 to 50000/,
      )
    }
  })

  it('derives SITE_URL from PORT and strips a trailing slash', () => {
    expect(loadEnv({ PORT: '4100' }, dir).siteUrl).toBe('http://localhost:4100')
    expect(loadEnv({ SITE_URL: 'https://faxeifaellesskab.dk/' }, dir).siteUrl).toBe(
      'https://faxeifaellesskab.dk',
    )
  })
})
