import { AsyncLocalStorage } from 'node:async_hooks'
import { type Client, type Config, createClient } from '@libsql/client'
import { Mutex, withTimeout } from 'async-mutex'
import type { DatabaseAdapterObj } from 'payload'
import { describeDatabaseError } from '@/lib/database-errors'
import { logLine } from '@/lib/log'

/**
 * Payload's SQLite adapter with transactions, made safe for a single process. A save (the document, its
 * version, its audit entry and its search row) is then one transaction, so a `kill -9` in the middle of
 * a publish leaves the story wholly old or wholly new (tests/faults/kill-publish.faults.test.ts), as on
 * PostgreSQL.
 *
 * Why Payload's SQLite transactions need this (they are off by default there):
 * - libsql runs a transaction on a connection of its own: `client.transaction()` hands the current
 *   connection over and opens a new one for everything else. SQLite has one writer at a time, so a second
 *   write of this process, inside or outside a transaction, would wait in SQLite's busy handler. libsql is
 *   synchronous: the wait blocks the event loop, the one thing that could finish the first transaction, for
 *   the whole busy timeout, and then fails.
 * - So the writes of this process take turns here, in an asynchronous queue: a transaction holds the turn
 *   from its BEGIN to its COMMIT or ROLLBACK; a write outside a transaction (Payload's job runner, a
 *   login's attempt counter) holds it for that write. Reads never wait: in WAL mode they read the last
 *   commit on the other connection. Writes of other processes (`npm run seed`, a backup) still meet
 *   SQLite's busy timeout, as before.
 * - Writes made inside a transaction's own operation without its `req` join that transaction (below,
 *   `current`): waiting for a turn their own transaction holds would never end.
 * - A turn not given within the busy timeout fails as SQLITE_BUSY, which the server answers with the
 *   Danish 503 (lib/database-errors.ts).
 * - Transactions take their connections from a second client, so the readers' connection (and its page
 *   cache) stays; each gets the adapter's pragmas (busy timeout, synchronous, page cache) at once, where
 *   Payload sets them only on the first connection.
 * - Migrations run without a transaction, as before: a migration that rebuilds a table turns foreign keys
 *   off around it, and SQLite ignores that inside a transaction (dropping the old table would then cascade
 *   into the tables that point at it).
 */

/**
 * The two clients behind the adapter's (the readers', with its own `transaction()`, and the writer), for
 * lib/database.ts's `replaceSqliteConnection`, which replaces a connection by handing it over.
 */
export const SQLITE_CONNECTIONS = Symbol.for('faxe.sqlite.connections')

/** Payload's write methods of a database adapter. Each takes `{ req }`; `upsert` calls `updateOne`. */
export const SQLITE_WRITES = [
  'create',
  'createGlobal',
  'createGlobalVersion',
  'createVersion',
  'deleteMany',
  'deleteOne',
  'deleteVersions',
  'updateGlobal',
  'updateGlobalVersion',
  'updateJobs',
  'updateMany',
  'updateOne',
  'updateVersion',
  'upsert',
] as const

export const SQLITE_MIGRATIONS = [
  'migrate',
  'migrateDown',
  'migrateFresh',
  'migrateRefresh',
  'migrateReset',
] as const

type TransactionID = number | string
type Session = { db: unknown }
type SqliteAdapter = {
  busyTimeout?: number
  wal?: { synchronous?: string } | false
  clientConfig?: unknown
  client?: {
    transaction: (...args: unknown[]) => Promise<unknown>
    execute: (sql: string) => Promise<unknown>
    close: () => void
    [SQLITE_CONNECTIONS]?: unknown
  }
  sessions: Record<TransactionID, Session | undefined>
  [method: string]: unknown
}
type Method = (this: SqliteAdapter, ...args: unknown[]) => Promise<unknown>
type Args = { req?: { transactionID?: TransactionID | Promise<TransactionID> } } | undefined

/**
 * Reads as "database busy" (a 503) by its message; its code is not SQLite's, because the connection did
 * nothing wrong and must not be replaced (lib/database.ts, replaceSqliteConnection).
 */
function busy(timeout: number): Error {
  return Object.assign(
    new Error(`SQLITE_BUSY: no turn to write within ${timeout} ms (another save of this server is running)`),
    { code: 'WRITE_TURN_TIMEOUT' },
  )
}

/** Payload rethrows a failed BEGIN as a plain Error; the code comes back so the error reads as busy. */
function withCode(error: unknown): unknown {
  if (error instanceof Error && /SQLITE_BUSY/.test(error.message) && !('code' in error)) {
    return Object.assign(error, { code: 'SQLITE_BUSY' })
  }
  return error
}

export function oneSqliteWriterAtATime(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      takeTurns(adapter as unknown as SqliteAdapter)
      return adapter
    },
  }
}

function takeTurns(adapter: SqliteAdapter): void {
  const timeout = adapter.busyTimeout ?? 5000
  const turn = withTimeout(new Mutex(), timeout, busy(timeout))
  const holders = new Map<TransactionID, () => void>()
  // Set while a write outside a transaction holds the turn, so the writes it makes itself do not queue.
  const writing = new AsyncLocalStorage<true>()
  // The transaction of the operation running now. `beginTransaction` enters it before its first await, so
  // it reaches the rest of the operation that called it (AsyncLocalStorage's enterWith). A write in there
  // without the transaction's `req` joins the transaction instead of waiting for the turn that
  // transaction holds: Payload leaves `req` out on purpose in places (forgotPassword reserves the request
  // outside the transaction, on another connection where the database has a pool), and an operation a
  // hook runs without `req` begins no transaction of its own but joins the one around it.
  const current = new AsyncLocalStorage<{ id?: TransactionID }>()
  const openAround = (sessions: SqliteAdapter['sessions']): TransactionID | undefined => {
    const id = current.getStore()?.id
    return id !== undefined && sessions[id] ? id : undefined
  }
  let migrating = 0

  const original = (name: string) => {
    const method = adapter[name]
    if (typeof method !== 'function') throw new Error(`The SQLite adapter has no method ${name}`)
    return method as Method
  }

  const begin = original('beginTransaction')
  adapter.beginTransaction = async function (this: SqliteAdapter, ...params: unknown[]) {
    if (migrating > 0 || openAround(this.sessions) !== undefined) return null
    const mine: { id?: TransactionID } = {}
    current.enterWith(mine)
    const release = await turn.acquire()
    try {
      const id = (await begin.apply(this, params)) as TransactionID | null
      if (id === null || id === undefined) release()
      else holders.set(id, release)
      mine.id = id ?? undefined
      return id
    } catch (error) {
      release()
      throw withCode(error)
    }
  }
  for (const name of ['commitTransaction', 'rollbackTransaction']) {
    const end = original(name)
    adapter[name] = async function (this: SqliteAdapter, incoming: unknown) {
      const id = (incoming instanceof Promise ? await incoming : incoming) as TransactionID
      try {
        return await end.call(this, id)
      } finally {
        holders.get(id)?.()
        holders.delete(id)
      }
    }
  }

  for (const name of SQLITE_WRITES) {
    const write = original(name)
    adapter[name] = async function (this: SqliteAdapter, args: Args, ...rest: unknown[]) {
      const pending = args?.req?.transactionID
      const id = pending instanceof Promise ? await pending : pending
      if ((id !== undefined && this.sessions[id]) || writing.getStore() || migrating > 0) {
        return write.call(this, args, ...rest)
      }
      const around = openAround(this.sessions)
      if (around !== undefined) {
        return write.call(this, { ...args, req: { ...args?.req, transactionID: around } }, ...rest)
      }
      return turn.runExclusive(() => writing.run(true, () => write.call(this, args, ...rest)))
    }
  }

  for (const name of SQLITE_MIGRATIONS) {
    const migrate = original(name)
    adapter[name] = async function (this: SqliteAdapter, ...params: unknown[]) {
      migrating += 1
      try {
        return await migrate.apply(this, params)
      } finally {
        migrating -= 1
      }
    }
  }

  // Reads keep the client's own connection, and with it its page cache; every transaction gets a connection
  // of its own from a second client. libsql's `transaction()` hands the client's current connection to the
  // transaction and opens a new one for what follows, so on a single client every save left the readers a
  // new, empty cache: the next page after a save read each page of the database it needed from the
  // operating system again (a search at 100,000 stories: 12 ms cold, 5 ms warm). The writer's next
  // connection gets the adapter's pragmas at once, before anything else runs on it (`execute` runs
  // synchronously up to its first await); the readers' connection gets them here, on connect.
  const connect = original('connect')
  adapter.connect = async function (this: SqliteAdapter, ...params: unknown[]) {
    await connect.apply(this, params)
    const client = this.client
    if (!client || client[SQLITE_CONNECTIONS]) return
    const pragmas = sqlitePragmas(this)
    await Promise.all(pragmas.map((pragma) => client.execute(pragma)))
    const writer = createClient(this.clientConfig as Config)
    const prepare = () =>
      Promise.all(pragmas.map((pragma) => writer.execute(pragma))).catch((error: unknown) =>
        logLine('error', 'database-pragmas', { cause: describeDatabaseError(error) }),
      )
    void prepare()
    const close = client.close.bind(client)
    const readers = { transaction: client.transaction.bind(client), execute: client.execute.bind(client) }
    Object.assign(client, {
      [SQLITE_CONNECTIONS]: () => [readers, writer],
      transaction: (...args: unknown[]) => {
        const handedOver = writer.transaction(...(args as Parameters<Client['transaction']>))
        void prepare()
        return handedOver
      },
      close: () => {
        writer.close()
        close()
      },
    })
  }
}

/**
 * SQLite's page cache per connection, in KiB (64 MiB; SQLite's default is 2 MiB). At 100,000 stories a
 * search reads the full-text matches and a row of search_documents for each of them, ~1,000 pages for a
 * word in 1 % of the stories; with 2 MiB they were read from the operating system again on every render
 * (the statement took 5 ms warm in the sqlite3 shell, 3.5 ms with this cache).
 */
export const SQLITE_CACHE_KIB = 64 * 1024

/**
 * The per-connection pragmas: those the adapter sets on its first connection (db-sqlite's connect) and the
 * page cache, which ours sets there too (see `connect` above).
 */
export function sqlitePragmas(adapter: {
  busyTimeout?: number
  wal?: { synchronous?: string } | false
}): string[] {
  return [
    `PRAGMA busy_timeout = ${Number(adapter.busyTimeout ?? 0)}`,
    ...(adapter.wal && adapter.wal.synchronous ? [`PRAGMA synchronous = ${adapter.wal.synchronous}`] : []),
    `PRAGMA cache_size = -${SQLITE_CACHE_KIB}`,
  ]
}
