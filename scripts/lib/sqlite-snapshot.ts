import { createClient } from '@libsql/client'
import { rmSync } from 'node:fs'
import type { DatabaseSnapshot } from './backup'

/**
 * SQLite's side of backup and restore, on the same driver Payload's SQLite adapter uses (libsql).
 *
 * `VACUUM INTO` writes a consistent copy of the database as of one read transaction, while the site keeps
 * reading and writing (WAL mode): the copy includes what is still in the write-ahead log and nothing
 * half-written. https://www.sqlite.org/lang_vacuum.html#vacuuminto
 */

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** Rows in every table and the applied migrations of the SQLite file `file`. */
export async function describeSqlite(file: string): Promise<DatabaseSnapshot> {
  const client = createClient({ url: `file:${file}` })
  try {
    const check = await client.execute('PRAGMA quick_check')
    const verdict = String(check.rows[0]?.[0] ?? '')
    if (verdict !== 'ok') throw new Error(`the SQLite file ${file} is damaged (quick_check: ${verdict})`)
    const { rows } = await client.execute(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    const tables: Record<string, number> = {}
    for (const row of rows) {
      const name = String(row.name)
      const counted = await client.execute(`SELECT count(*) AS n FROM ${quote(name)}`)
      tables[name] = Number(counted.rows[0]?.n ?? 0)
    }
    const migrations =
      'payload_migrations' in tables
        ? (
            await client.execute("SELECT name FROM payload_migrations WHERE name <> 'dev' ORDER BY name")
          ).rows.map((row) => String(row.name))
        : []
    return { tables, migrations }
  } finally {
    client.close()
  }
}

/** Copies the live database `file` to `target` (which must not exist) and describes the copy. */
export async function snapshotSqlite(file: string, target: string): Promise<DatabaseSnapshot> {
  rmSync(target, { force: true })
  const client = createClient({ url: `file:${file}` })
  try {
    // The site may be writing: wait for its write lock as the site itself does (lib/database.ts).
    await client.execute('PRAGMA busy_timeout = 5000')
    await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  } finally {
    client.close()
  }
  return describeSqlite(target)
}
