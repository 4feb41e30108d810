import { sql } from '@payloadcms/db-sqlite'
import type { Payload, PayloadRequest } from 'payload'

/**
 * Plain SQL through the adapter's own connection, for the two places where Payload's query layer is the
 * wrong tool: the search index (a table that is not a collection, lib/search-index.ts) and the sitemap's
 * list of 50,000 story addresses (lib/data/sitemap.ts). Everything else reads through Payload.
 */

// drizzle-orm's `sql`, as both SQL adapters re-export it.
export { sql }
export type SQL = ReturnType<typeof sql>

export type Dialect = 'sqlite' | 'postgres' | 'mongodb'
export function dialectOf(payload: Payload): Dialect {
  const name = payload.db.name as string
  if (name === 'sqlite') return 'sqlite'
  if (name === 'postgres') return 'postgres'
  if (name === 'mongoose') return 'mongodb'
  throw new Error(`Unsupported database adapter ${name}`)
}

type SqlAdapter = {
  drizzle: SqlDb
  sessions?: Record<string | number, { db: SqlDb } | undefined>
}
type SqlDb = {
  run?: (q: SQL) => Promise<{ rows: Record<string, unknown>[] }>
  execute?: (q: SQL) => Promise<{ rows: Record<string, unknown>[] }>
}

/** The request's transaction when there is one (what Payload's own `getTransaction` does). */
async function sqlDb(payload: Payload, req?: Partial<PayloadRequest>): Promise<SqlDb> {
  const adapter = payload.db as unknown as SqlAdapter
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && adapter.sessions?.[id]?.db) || adapter.drizzle
}

export async function runSql(
  payload: Payload,
  q: SQL,
  req?: Partial<PayloadRequest>,
): Promise<Record<string, unknown>[]> {
  const db = await sqlDb(payload, req)
  // libsql's drizzle answers raw statements with `run`, node-postgres's with `execute`.
  const result = db.execute ? await db.execute(q) : await db.run!(q)
  return result.rows
}
