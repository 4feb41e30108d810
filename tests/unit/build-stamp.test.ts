import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBuild, databaseIdentity, sourceHash } from '@/scripts/lib/build'
import type { DatabaseConfig } from '@/lib/env'

/** "Build if needed" (npm start, the test setup): which builds are reused, and the reason when not. */
describe('the build stamp', () => {
  const database: DatabaseConfig = { kind: 'sqlite', url: 'file:/srv/faxe.db', file: '/srv/faxe.db' }
  const siteUrl = 'https://faxeifaellesskab.dk'
  let dir: string
  let sources: string

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-build-stamp-'))
    writeFileSync(path.join(dir, 'BUILD_ID'), 'test')
    sources = sourceHash()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const stamp = (value: Record<string, string>) =>
    writeFileSync(path.join(dir, 'faxe-build.json'), JSON.stringify(value))

  it('reuses a build of the same sources, database and SITE_URL', () => {
    stamp({ sources, database: databaseIdentity(database), siteUrl })
    expect(checkBuild(dir, { database, siteUrl })).toEqual({ current: true })
  })

  it('rebuilds for another SITE_URL, which the build bakes into its headers and robots.txt', () => {
    stamp({ sources, database: databaseIdentity(database), siteUrl: 'http://localhost:3000' })
    expect(checkBuild(dir, { database, siteUrl })).toEqual({
      current: false,
      reason: `the last build was made for another SITE_URL than ${siteUrl}`,
    })
  })

  it('rebuilds for another database, changed sources, or a stamp from before SITE_URL was recorded', () => {
    stamp({ sources, database: 'sqlite:/srv/other.db', siteUrl })
    expect(checkBuild(dir, { database, siteUrl })).toMatchObject({ reason: /another database/ })
    stamp({ sources: 'old', database: databaseIdentity(database), siteUrl })
    expect(checkBuild(dir, { database, siteUrl })).toMatchObject({ reason: /sources changed/ })
    stamp({ sources, database: databaseIdentity(database) })
    expect(checkBuild(dir, { database, siteUrl })).toMatchObject({ current: false })
  })
})
