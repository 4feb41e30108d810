import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { DatabaseConfig } from '@/lib/env'
import { servingMarkerPath, whoServes } from '@/lib/serving-marker'

describe('the serving marker', () => {
  let dir: string
  let sqlite: DatabaseConfig
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-serving-'))
    sqlite = { kind: 'sqlite', file: path.join(dir, 'faxe.db'), url: `file:${path.join(dir, 'faxe.db')}` }
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  const mark = (database: DatabaseConfig, marker: Record<string, unknown>) =>
    writeFileSync(servingMarkerPath(database, dir), JSON.stringify(marker))

  it('lies beside a SQLite file, and in data/ named after host, port and database for a server', () => {
    expect(servingMarkerPath(sqlite, dir)).toBe(path.join(dir, 'faxe.db.serving'))
    const a = servingMarkerPath({ kind: 'postgres', url: 'postgres://u:x@localhost:5432/faxe' }, dir)
    const b = servingMarkerPath({ kind: 'postgres', url: 'postgres://v:y@127.0.0.1:5432/faxe' }, dir)
    const other = servingMarkerPath({ kind: 'postgres', url: 'postgres://u:x@127.0.0.1:5432/andet' }, dir)
    expect(a).toMatch(new RegExp(`^${dir}/data/serving-[0-9a-f]{16}\\.json$`))
    // The same database whoever connects and however the host is written; another database, another file.
    expect(b).toBe(a)
    expect(other).not.toBe(a)
  })

  it('says a database is served by the live process that wrote the marker on this machine', () => {
    expect(whoServes(sqlite, dir)).toEqual({ serving: false })
    mark(sqlite, {
      pid: process.pid,
      hostname: os.hostname(),
      port: '3401',
      startedAt: new Date().toISOString(),
    })
    const state = whoServes(sqlite, dir)
    expect(state.serving).toBe(true)
    expect(state.serving && state.reason).toMatch(new RegExp(`process ${process.pid} on port 3401`))
  })

  it('recognises the marker of a server that is gone as stale', () => {
    // A process that has exited: its number names no process now.
    const gone = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' })
    const pid = Number(gone.stdout.trim())
    mark(sqlite, { pid, hostname: os.hostname(), startedAt: '2026-11-30T10:00:00.000Z' })
    expect(whoServes(sqlite, dir)).toMatchObject({ serving: false, stale: { pid } })
  })

  it('recognises a marker whose process number now belongs to a process started after it', () => {
    // This process started before the marker's time only if the marker is newer: an hour earlier, it is not.
    const anHourAgo = new Date(Date.now() - 3_600_000).toISOString()
    mark(sqlite, { pid: process.pid, hostname: os.hostname(), startedAt: anHourAgo })
    expect(whoServes(sqlite, dir)).toMatchObject({ serving: false, stale: { pid: process.pid } })
  })

  it('refuses to guess about a server on another machine', () => {
    mark(sqlite, { pid: 1, hostname: 'web-2.faxe.invalid', startedAt: '2026-11-30T10:00:00.000Z' })
    const state = whoServes(sqlite, dir)
    expect(state.serving).toBe(true)
    expect(state.serving && state.reason).toMatch(
      /a server on web-2\.faxe\.invalid .*delete the file if that server is gone/,
    )
  })
})
