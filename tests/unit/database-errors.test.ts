import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createClient } from '@libsql/client'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import {
  describeDatabaseError,
  isDatabaseUnavailable,
  isSqliteBusy,
  redactSecrets,
} from '@/lib/database-errors'
import { freePort } from '@/scripts/lib/server'

/**
 * The errors are the drivers' own, provoked for real (a port where nothing listens, a SQLite file another
 * connection holds), then wrapped the way Drizzle and Payload wrap them.
 */

const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-db-errors-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function refusedPostgresError(password: string): Promise<unknown> {
  const port = await freePort()
  const client = new pg.Client({
    connectionString: `postgres://postgres:${password}@127.0.0.1:${port}/faxe`,
    connectionTimeoutMillis: 2000,
  })
  try {
    await client.connect()
  } catch (error) {
    return error
  } finally {
    await client.end().catch(() => undefined)
  }
  throw new Error('connected to a port where nothing listens')
}

async function busySqliteError(): Promise<unknown> {
  const file = path.join(dir, `busy-${Date.now()}.db`)
  const holder = createClient({ url: `file:${file}` })
  await holder.execute('CREATE TABLE t (x INTEGER)')
  await holder.execute('PRAGMA journal_mode=WAL')
  const transaction = await holder.transaction('write')
  await transaction.execute('INSERT INTO t VALUES (1)')
  const other = createClient({ url: `file:${file}` })
  try {
    await other.execute('PRAGMA busy_timeout = 0')
    await other.execute('INSERT INTO t VALUES (2)')
  } catch (error) {
    return error
  } finally {
    await transaction.rollback()
    other.close()
    holder.close()
  }
  throw new Error('wrote past another connection’s write lock')
}

describe('isDatabaseUnavailable', () => {
  it('recognises a PostgreSQL server that refuses connections, also wrapped by Drizzle and Payload', async () => {
    const error = await refusedPostgresError('s3cret-pw')
    expect(isDatabaseUnavailable(error)).toBe(true)
    const drizzle = new Error('Failed query: select "id" from "articles"\nparams: ', { cause: error })
    expect(isDatabaseUnavailable(drizzle)).toBe(true)
    const payload = new Error(`Error: cannot connect to Postgres: ${(error as Error).message}`)
    expect(isDatabaseUnavailable(payload)).toBe(true)
  })

  it('recognises a SQLite file locked by another connection (SQLITE_BUSY)', async () => {
    const error = await busySqliteError()
    expect((error as { code?: string }).code).toMatch(/^SQLITE_BUSY/)
    expect(isDatabaseUnavailable(error)).toBe(true)
    // As Payload's SQLite adapter throws it: Drizzle's error with the driver's as its cause.
    const wrapped = new Error('Failed query: insert into "topics" ...', { cause: error })
    expect(isSqliteBusy(wrapped)).toBe(true)
    expect(isSqliteBusy(new Error('Failed query', { cause: await refusedPostgresError('x') }))).toBe(false)
  })

  it('recognises PostgreSQL shutting down and node-postgres losing its connection', () => {
    const shutdown = Object.assign(new Error('terminating connection due to administrator command'), {
      code: '57P01',
    })
    expect(isDatabaseUnavailable(shutdown)).toBe(true)
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true)
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true)
  })

  it('leaves errors of the request or of our code alone (they stay 4xx or 500)', async () => {
    const file = path.join(dir, 'constraint.db')
    const client = createClient({ url: `file:${file}` })
    await client.execute('CREATE TABLE u (x INTEGER UNIQUE)')
    await client.execute('INSERT INTO u VALUES (1)')
    const unique = await client.execute('INSERT INTO u VALUES (1)').then(
      () => null,
      (error: unknown) => error,
    )
    client.close()
    expect((unique as { code?: string }).code).toMatch(/^SQLITE_CONSTRAINT/)
    expect(isDatabaseUnavailable(unique)).toBe(false)
    const syntax = Object.assign(new Error('syntax error at or near "selec"'), { code: '42601' })
    expect(isDatabaseUnavailable(syntax)).toBe(false)
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'slug')"))).toBe(
      false,
    )
    expect(isDatabaseUnavailable(undefined)).toBe(false)
  })
})

describe('describeDatabaseError', () => {
  it('names the cause in one line, without the SQL or a password', async () => {
    const error = await refusedPostgresError('s3cret-pw')
    const wrapped = new Error(
      'Failed query: select "password" from "users" where "email" = $1\nparams: a@b.dk',
      {
        cause: error,
      },
    )
    const line = describeDatabaseError(wrapped)
    expect(line).toMatch(/^ECONNREFUSED: connect ECONNREFUSED 127\.0\.0\.1:\d+$/)
    expect(describeDatabaseError(new Error('cannot connect to postgres://faxe:s3cret-pw@db:5432/faxe'))).toBe(
      'cannot connect to postgres://faxe:***@db:5432/faxe',
    )
    expect(redactSecrets('host=db password=s3cret-pw user=faxe')).toBe('host=db password=*** user=faxe')
  })
})
