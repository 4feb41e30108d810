import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkDependencies } from '@/scripts/lib/dependency-gate'

/** The dependency gate CI runs, against made-up installs. */

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function project(declared: Record<string, string>, installed: Record<string, string> = declared): string {
  const root = mkdtempSync(path.join(os.tmpdir(), 'faxe-gate-'))
  dirs.push(root)
  writeFileSync(path.join(root, 'package.json'), JSON.stringify({ dependencies: declared }))
  for (const [name, version] of Object.entries(installed)) {
    mkdirSync(path.join(root, 'node_modules', name), { recursive: true })
    writeFileSync(path.join(root, 'node_modules', name, 'package.json'), JSON.stringify({ name, version }))
  }
  return root
}

const good = { payload: '3.90.1', '@payloadcms/next': '3.90.1', '@payloadcms/ui': '3.90.1', next: '16.3.3' }

describe('the dependency gate', () => {
  it('passes one exact Payload version >= 3.90.1 and next >= 16.3.3', () => {
    expect(checkDependencies(project(good)).problems).toEqual([])
    expect(checkDependencies(project({ ...good, next: '17.0.0' })).problems).toEqual([])
  })

  it('fails an old payload, an old next, a range and mixed versions', () => {
    const old = checkDependencies(
      project({ ...good, payload: '3.89.0', '@payloadcms/next': '3.89.0', '@payloadcms/ui': '3.89.0' }),
    )
    expect(old.problems.join('\n')).toMatch(/3\.89\.0: needs 3\.90\.1/)
    expect(checkDependencies(project({ ...good, next: '16.3.2' })).problems.join('\n')).toMatch(
      /next 16\.3\.2/,
    )
    const range = checkDependencies(project({ ...good, payload: '^3.90.1' }, good))
    expect(range.problems.join('\n')).toMatch(/exact version/)
    const mixed = checkDependencies(project({ ...good }, { ...good, '@payloadcms/ui': '3.91.0' }))
    expect(mixed.problems.join('\n')).toMatch(/must be one version/)
  })

  it('sees a transitive @payloadcms package that package.json does not name', () => {
    const root = project(good, { ...good, '@payloadcms/graphql': '3.88.0' })
    expect(checkDependencies(root).problems.join('\n')).toMatch(/one version/)
  })
})
