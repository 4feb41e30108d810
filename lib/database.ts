import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapter, DatabaseAdapterObj } from 'payload'
import { describeDatabaseError, isDatabaseUnavailable, isSqliteBusy } from '@/lib/database-errors'
import type { DatabaseConfig } from '@/lib/env'
import { logLine } from '@/lib/log'
import { oneSqliteWriterAtATime, SQLITE_CONNECTIONS, sqlitePragmas } from '@/lib/sqlite-writes'
import { noteDatabaseAnswered, noteDatabaseUnavailable } from '@/lib/request-context'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Where each SQL dialect keeps its committed migrations (`payload migrate:create` writes there). */
export const MIGRATION_DIRS = {
  sqlite: path.join(root, 'migrations', 'sqlite'),
  postgres: path.join(root, 'migrations', 'postgres'),
} as const

/**
 * The adapter for the configured database. Schema changes always go through committed migrations
 * (`push: false`), in development too, so the embedded file, PostgreSQL and CI all run the same DDL.
 */
export function databaseAdapter(database: DatabaseConfig): DatabaseAdapterObj {
  const adapter = adapterFor(database)
  return noticingUnavailability(database.kind === 'sqlite' ? oneSqliteWriterAtATime(adapter) : adapter)
}

function adapterFor(database: DatabaseConfig): DatabaseAdapterObj {
  switch (database.kind) {
    case 'sqlite':
      return sqliteAdapter({
        client: { url: database.url },
        migrationDir: MIGRATION_DIRS.sqlite,
        push: false,
        // WAL lets readers (page renders) proceed while the editor saves.
        wal: true,
        busyTimeout: 5000,
        // A save is one transaction (document, version, audit entry, search row), as on PostgreSQL; the
        // writes of this process then take turns (lib/sqlite-writes.ts). libsql ignores the options.
        transactionOptions: {},
      })
    case 'postgres':
      return postgresAdapter({
        // A server that does not answer fails the request after 3 s instead of holding it (and the health
        // check) until the reader gives up; the pool opens new connections once the server is back.
        pool: { connectionString: database.url, max: 10, connectionTimeoutMillis: 3000 },
        migrationDir: MIGRATION_DIRS.postgres,
        push: false,
      })
    case 'mongodb':
      // MongoDB is schemaless: no migrations; Payload creates the indexes it needs on connect.
      return mongooseAdapter({ url: database.url, ensureIndexes: true })
  }
}

/**
 * Every call Payload makes to the database goes through the adapter, so this is the one place that sees a
 * failure because the database is down, restarting or locked: it marks the request being answered
 * (lib/request-context.ts) and rethrows the error unchanged. The server (scripts/lib/http-server.ts) then
 * answers that request with the Danish 503 instead of a 500; the cause stays in the log.
 */
function noticingUnavailability(adapterObj: DatabaseAdapterObj): DatabaseAdapterObj {
  const holder: { adapter?: unknown } = {}
  const notice = (error: unknown): never => {
    if (isDatabaseUnavailable(error)) {
      noteDatabaseUnavailable(describeDatabaseError(error))
      if (isSqliteBusy(error)) replaceSqliteConnection(holder.adapter)
    }
    throw error
  }
  const answered = <T>(value: T): T => {
    noteDatabaseAnswered()
    return value
  }
  return {
    ...adapterObj,
    init: (args) => {
      const adapter = adapterObj.init(args)
      holder.adapter = adapter
      const methods = adapter as unknown as Record<string, unknown>
      for (const [name, value] of Object.entries(methods)) {
        if (typeof value !== 'function') continue
        const original = value as (...params: unknown[]) => unknown
        methods[name] = function (this: DatabaseAdapter, ...params: unknown[]) {
          try {
            const result = original.apply(this, params)
            return result instanceof Promise ? result.then(answered, notice) : result
          } catch (error) {
            return notice(error)
          }
        }
      }
      const connect = methods.connect as ((...params: unknown[]) => Promise<void>) | undefined
      if (connect) {
        methods.connect = async function (this: DatabaseAdapter & { pool?: unknown }, ...params: unknown[]) {
          await connect.apply(this, params)
          listenForIdleErrors(this.pool)
        }
      }
      return adapter
    },
  }
}

/**
 * node-postgres reports a pooled connection the server closed while it sat idle (PostgreSQL stopped or
 * restarted) as an `error` event on the pool; without a listener that is an uncaught exception. The pool
 * drops that connection and opens a new one on the next query, so a log line is all it needs.
 */
function listenForIdleErrors(pool: unknown): void {
  const emitter = pool as { on?: unknown; listenerCount?: (event: string) => number } | undefined
  if (!emitter || typeof emitter.on !== 'function') return
  if (emitter.listenerCount?.('error')) return
  ;(emitter.on as (event: string, listener: (error: unknown) => void) => void).call(
    emitter,
    'error',
    (error) => logLine('error', 'database-connection-lost', { cause: describeDatabaseError(error) }),
  )
}

/** A libsql client, as far as replacing its connection goes. */
export type SqliteClient = {
  transaction: (mode: 'deferred') => Promise<{ close: () => void }>
  execute: (sql: string) => Promise<unknown>
  /** The site's clients (lib/sqlite-writes.ts): the readers' and the writer's, each to replace. */
  [SQLITE_CONNECTIONS]?: () => SqliteClient[]
}

/**
 * After SQLITE_BUSY, libsql's connection is not usable any more: the statement that failed is never reset
 * (it is finalised only when garbage-collected), and until then SQLite keeps the connection's implicit
 * transaction open. Every later write of the server then "succeeds" without being committed: invisible to
 * other processes, holding the write lock against them, and lost on a restart (reproduced with
 * @libsql/client 0.14 in tests/unit/sqlite-busy.test.ts). So the connection is replaced at once:
 * `transaction()` hands the current connection over (and the client opens a new one on its next call),
 * closing that transaction closes the stuck connection, and the new one gets the adapter's pragmas. Both
 * calls run synchronously up to their first `await`, so no other query gets in between. The site reads
 * and writes on two clients (lib/sqlite-writes.ts), and a BEGIN that met the lock leaves the writer's
 * connection stuck as a write outside a transaction leaves the readers': both are replaced.
 */
export function replaceSqliteConnection(adapter: unknown): void {
  const sqlite = adapter as {
    client?: SqliteClient
    busyTimeout?: number
    wal?: { synchronous?: string } | false
  }
  const client = sqlite.client
  if (!client || typeof client.transaction !== 'function') return
  const replaced = (client[SQLITE_CONNECTIONS]?.() ?? [client]).flatMap((connection) => [
    connection.transaction('deferred').then((stuck) => stuck.close()),
    ...sqlitePragmas(sqlite).map((pragma) => connection.execute(pragma)),
  ])
  void Promise.all(replaced).then(
    () =>
      logLine('warn', 'database-connection-replaced', { reason: 'SQLITE_BUSY left the connection unusable' }),
    (error: unknown) =>
      logLine('error', 'database-connection-replaced', {
        cause: describeDatabaseError(error),
        outcome: 'failed',
      }),
  )
}
