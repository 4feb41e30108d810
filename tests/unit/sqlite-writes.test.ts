import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type Client, createClient } from '@libsql/client'
import type { DatabaseAdapterObj } from 'payload'
import { afterAll, describe, expect, it } from 'vitest'
import { replaceSqliteConnection } from '@/lib/database'
import { isDatabaseUnavailable, isSqliteBusy } from '@/lib/database-errors'
import {
  oneSqliteWriterAtATime,
  SQLITE_CACHE_KIB,
  SQLITE_MIGRATIONS,
  SQLITE_WRITES,
} from '@/lib/sqlite-writes'

/**
 * The turns the writes of one process take on SQLite (lib/sqlite-writes.ts), on an adapter that records
 * what runs when: the queue is the subject here, not Payload's SQL (the fault and integration tests run
 * the real adapter).
 */

type Fake = {
  busyTimeout: number
  clientConfig?: unknown
  sessions: Record<string, { db: unknown } | undefined>
  client?: Client
  log: string[]
  [method: string]: unknown
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 5))

/** Runs `work` as another request would: in an async context of its own, not this test's. */
function elsewhere<T>(work: () => Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => setImmediate(() => work().then(resolve, reject)))
}

function fakeAdapter(busyTimeout = 200): Fake {
  let next = 0
  const adapter: Fake = {
    busyTimeout,
    sessions: {},
    log: [],
    async beginTransaction() {
      const id = `tx${++next}`
      this.sessions[id] = { db: {} }
      this.log.push(`begin ${id}`)
      return id
    },
    async commitTransaction(id: string) {
      delete this.sessions[id]
      this.log.push(`commit ${id}`)
    },
    async rollbackTransaction(id: string) {
      delete this.sessions[id]
      this.log.push(`rollback ${id}`)
    },
    async updateOne({ label }: { label: string }) {
      await tick()
      this.log.push(`write ${label}`)
    },
    // Like Drizzle's: an upsert is an updateOne.
    async upsert(this: Fake, args: { label: string }) {
      return (this.updateOne as (a: unknown) => Promise<void>)({ ...args, label: `upsert ${args.label}` })
    },
    async migrate(this: Fake) {
      this.log.push(`migration transaction: ${String(await (this.beginTransaction as () => unknown)())}`)
    },
    async connect() {},
  }
  // The methods the wrapper expects that this test does not watch.
  for (const name of [...SQLITE_WRITES, ...SQLITE_MIGRATIONS]) {
    adapter[name] ??= async () => {}
  }
  return adapter
}

function wrapped(fake: Fake) {
  const adapterObj = { init: () => fake, name: 'sqlite' } as unknown as DatabaseAdapterObj
  const adapter = oneSqliteWriterAtATime(adapterObj).init({} as never) as unknown as Record<
    string,
    (...args: unknown[]) => Promise<unknown>
  >
  const call = (name: string, ...args: unknown[]) => adapter[name]!.call(adapter, ...args)
  return { adapter, call }
}

describe('the writes of one process on SQLite', () => {
  it('run one transaction at a time: the second begins after the first commits', async () => {
    const fake = fakeAdapter()
    const { call } = wrapped(fake)
    const first = (await elsewhere(() => call('beginTransaction'))) as string
    const second = elsewhere(() => call('beginTransaction'))
    await tick()
    expect(fake.log).toEqual(['begin tx1'])
    await call('commitTransaction', first)
    expect(await second).toBe('tx2')
    expect(fake.log).toEqual(['begin tx1', 'commit tx1', 'begin tx2'])
    await call('rollbackTransaction', Promise.resolve('tx2'))
    expect(fake.log.at(-1)).toBe('rollback tx2')
  })

  it("let a transaction's own writes through, and make another request's write wait for the commit", async () => {
    const fake = fakeAdapter()
    const { call } = wrapped(fake)
    const id = (await elsewhere(() => call('beginTransaction'))) as string
    const outside = call('updateOne', { label: 'outside' })
    await call('updateOne', { label: 'inside', req: { transactionID: Promise.resolve(id) } })
    await tick()
    expect(fake.log).toEqual(['begin tx1', 'write inside'])
    await call('commitTransaction', id)
    await outside
    expect(fake.log).toEqual(['begin tx1', 'write inside', 'commit tx1', 'write outside'])
  })

  it('join a write or an operation without req to the transaction of the operation it runs in', async () => {
    const fake = fakeAdapter()
    const joined: unknown[] = []
    const updateOne = fake.updateOne as (args: { label: string }) => Promise<void>
    fake.updateOne = async function (this: Fake, args: { label: string; req?: { transactionID?: unknown } }) {
      joined.push(args.req?.transactionID)
      return updateOne.call(this, args)
    }
    const { call } = wrapped(fake)
    await elsewhere(async () => {
      const id = (await call('beginTransaction')) as string
      // Like forgotPassword's reservation: a write that leaves the transaction's req out on purpose.
      await call('updateOne', { label: 'reservation', req: { transactionID: undefined } })
      // A hook's operation without req: no transaction of its own.
      expect(await call('beginTransaction')).toBeNull()
      await call('commitTransaction', id)
    })
    expect(joined).toEqual(['tx1'])
    expect(fake.log).toEqual(['begin tx1', 'write reservation', 'commit tx1'])
  })

  it('let the writes a write makes itself through (an upsert is an updateOne)', async () => {
    const fake = fakeAdapter()
    const { call } = wrapped(fake)
    await call('upsert', { label: 'row' })
    expect(fake.log).toEqual(['write upsert row'])
  })

  it('give up after the busy timeout with an error the server answers with 503, and keep the order', async () => {
    const fake = fakeAdapter(50)
    const { call } = wrapped(fake)
    const id = (await elsewhere(() => call('beginTransaction'))) as string
    const error = await call('updateOne', { label: 'late' }).then(
      () => null,
      (failure: unknown) => failure,
    )
    expect(error).toBeInstanceOf(Error)
    expect(isDatabaseUnavailable(error)).toBe(true)
    // Not SQLite's own busy code: the connection did nothing wrong and is not replaced.
    expect(isSqliteBusy(error)).toBe(false)
    expect(fake.log).toEqual(['begin tx1'])
    await call('commitTransaction', id)
    await call('updateOne', { label: 'next' })
    expect(fake.log).toEqual(['begin tx1', 'commit tx1', 'write next'])
  })

  it('run migrations without a transaction', async () => {
    const fake = fakeAdapter()
    const { call } = wrapped(fake)
    await call('migrate')
    expect(fake.log).toEqual(['migration transaction: null'])
    expect(await call('beginTransaction')).toBe('tx1')
  })

  it("keeps the readers' connection through a transaction, and gives each transaction's the pragmas", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-sqlite-writes-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const fake = fakeAdapter(4321)
    fake.wal = { synchronous: 'NORMAL' }
    fake.connect = async function (this: Fake) {
      this.clientConfig = { url: `file:${path.join(dir, 'db.sqlite')}` }
      this.client = createClient(this.clientConfig as { url: string })
      await this.client.execute('PRAGMA journal_mode = WAL')
      await this.client.execute('PRAGMA busy_timeout = 4321')
    }
    const { call } = wrapped(fake)
    await call('connect')
    const client = fake.client!
    const pragma = async (on: Pick<Client, 'execute'>, name: string) =>
      Object.values((await on.execute(`PRAGMA ${name}`)).rows[0]!)[0]
    // The first connection: db-sqlite set the busy timeout, the wrapper the rest (SQLite's own defaults
    // are FULL, 2, for synchronous and -2000, 2 MiB, for the page cache).
    expect(await pragma(client, 'cache_size')).toBe(-SQLITE_CACHE_KIB)
    expect(await pragma(client, 'synchronous')).toBe(1)
    await client.execute('CREATE TABLE story (title TEXT)')
    // A temporary table lives as long as its connection: it tells the readers' connection apart.
    await client.execute('CREATE TEMP TABLE readers (x)')
    for (const title of ['first', 'second']) {
      const transaction = await client.transaction('write')
      expect(await pragma(transaction, 'busy_timeout')).toBe(4321)
      expect(await pragma(transaction, 'synchronous')).toBe(1)
      expect(await pragma(transaction, 'cache_size')).toBe(-SQLITE_CACHE_KIB)
      await transaction.execute({ sql: 'INSERT INTO story VALUES (?)', args: [title] })
      await transaction.commit()
      // The readers see the commit, on the connection they had.
      expect((await client.execute('SELECT title FROM story ORDER BY rowid')).rows.at(-1)?.title).toBe(title)
      expect((await client.execute('SELECT count(*) AS n FROM temp.readers')).rows[0]?.n).toBe(0)
    }
    // After SQLITE_BUSY lib/database.ts replaces the connections, the readers' among them.
    replaceSqliteConnection(fake)
    await expect(client.execute('SELECT count(*) FROM temp.readers')).rejects.toThrow(/no such table/)
    expect(await pragma(client, 'busy_timeout')).toBe(4321)
    expect(await pragma(client, 'cache_size')).toBe(-SQLITE_CACHE_KIB)
    client.close()
  })
  it("replaces the writer's connection too when a transaction met another process's lock", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-sqlite-writes-'))
    afterAll(() => rmSync(dir, { recursive: true, force: true }))
    const url = `file:${path.join(dir, 'db.sqlite')}`
    const fake = fakeAdapter(100)
    fake.connect = async function (this: Fake) {
      this.clientConfig = { url }
      this.client = createClient({ url })
      await this.client.execute('PRAGMA journal_mode = WAL')
    }
    const { call } = wrapped(fake)
    await call('connect')
    const client = fake.client!
    await client.execute('CREATE TABLE story (title TEXT)')
    // Another process (a backup, a sqlite3 shell) holds the write lock: the transaction's BEGIN fails.
    const other = createClient({ url })
    await other.execute('BEGIN EXCLUSIVE')
    await expect(client.transaction('write')).rejects.toThrow(/SQLITE_BUSY|locked/)
    replaceSqliteConnection(fake)
    await other.execute('COMMIT')
    const transaction = await client.transaction('write')
    await transaction.execute("INSERT INTO story VALUES ('gemt')")
    await transaction.commit()
    // Committed for everyone, not only inside a connection that kept an implicit transaction open.
    expect((await other.execute('SELECT title FROM story')).rows.map((row) => row.title)).toEqual(['gemt'])
    other.close()
    client.close()
  })
})
