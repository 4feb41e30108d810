import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { replaceSqliteConnection } from '@/lib/database'

/**
 * libsql (the SQLite driver Payload uses) after SQLITE_BUSY: the failed statement keeps the connection's
 * implicit transaction open, so later writes on it are never committed. Real connections on a real file.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-sqlite-busy-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function lockedWrite(name: string) {
  const url = `file:${path.join(dir, name)}`
  const client = createClient({ url })
  await client.execute('PRAGMA journal_mode = WAL')
  await client.execute('PRAGMA busy_timeout = 200')
  await client.execute('CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT)')
  const holder = createClient({ url })
  await holder.execute('BEGIN EXCLUSIVE')
  const failure = await client.execute("INSERT INTO t (x) VALUES ('refused')").then(
    () => null,
    (error: unknown) => error,
  )
  expect((failure as { code?: string }).code).toBe('SQLITE_BUSY')
  await holder.execute('ROLLBACK')
  const count = async () => {
    const other = createClient({ url })
    const { rows } = await other.execute('SELECT count(*) AS n FROM t')
    other.close()
    return Number(rows[0]?.n)
  }
  return { client, holder, count }
}

describe('a SQLite connection after SQLITE_BUSY', () => {
  it('as the driver leaves it: a later write is not committed and keeps the lock', async () => {
    const { client, holder, count } = await lockedWrite('stuck.db')
    await client.execute("INSERT INTO t (x) VALUES ('after')")
    // The writing connection sees its row; nobody else does, and nobody else may write.
    expect(Number((await client.execute('SELECT count(*) AS n FROM t')).rows[0]?.n)).toBe(1)
    expect(await count()).toBe(0)
    await holder.execute('PRAGMA busy_timeout = 0')
    const blocked = await holder.execute("INSERT INTO t (x) VALUES ('other')").then(
      () => 'written',
      (error: { code?: string }) => error.code,
    )
    expect(blocked).toBe('SQLITE_BUSY')
    client.close()
    holder.close()
  })

  it('replaced: the next write is committed, others can write, and the pragmas are back', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const { client, holder, count } = await lockedWrite('replaced.db')
    replaceSqliteConnection({ client, busyTimeout: 5000, wal: { synchronous: 'NORMAL' } })
    await client.execute("INSERT INTO t (x) VALUES ('after')")
    expect(await count()).toBe(1)
    expect((await client.execute('PRAGMA busy_timeout')).rows[0]).toMatchObject({ timeout: 5000 })
    expect((await client.execute('PRAGMA synchronous')).rows[0]).toMatchObject({ synchronous: 1 })
    await holder.execute("INSERT INTO t (x) VALUES ('other')")
    expect(await count()).toBe(2)
    client.close()
    holder.close()
    vi.restoreAllMocks()
  })
})
