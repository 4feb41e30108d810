import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkBuild, databaseIdentity, sourceHash } from '@/scripts/lib/build'
import type { DatabaseConfig } from '@/lib/env'
import { stableTestPort, testBuildTarget } from '../helpers/global-setup'

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

/**
 * The test set-up (tests/helpers/global-setup.ts) checks the one shared test build with this stamp. What
 * it checks against must not hold anything a run makes anew (its database, a random port), or every run
 * and every suite builds again.
 */
describe('the shared test build', () => {
  let dir: string

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-test-build-stamp-'))
    writeFileSync(path.join(dir, 'BUILD_ID'), 'test')
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('serves every run on one port of this checkout, outside the ports freePort hands out', () => {
    const port = stableTestPort()
    expect(stableTestPort()).toBe(port)
    expect(port).toBeGreaterThanOrEqual(10_000)
    expect(port).toBeLessThan(30_000)
    expect(stableTestPort('/srv/another-checkout')).not.toBe(port)
  })

  it('is current for the next run, whatever database that run provisions', () => {
    const siteUrl = `http://127.0.0.1:${stableTestPort()}`
    const built = testBuildTarget(siteUrl)
    expect(built.database.kind).toBe('sqlite')
    writeFileSync(
      path.join(dir, 'faxe-build.json'),
      JSON.stringify({ sources: sourceHash(), database: databaseIdentity(built.database), siteUrl }),
    )
    // A second run (of any suite) computes its target again: the same, so no build.
    expect(checkBuild(dir, testBuildTarget(siteUrl))).toEqual({ current: true })
    // A run that had to take another port has another SITE_URL: robots.txt would name the wrong host.
    expect(checkBuild(dir, testBuildTarget('http://127.0.0.1:9'))).toMatchObject({
      reason: /another SITE_URL/,
    })
  })
})
