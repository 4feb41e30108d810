import config from '@payload-config'
import { getPayload, type Migration, type Payload } from 'payload'
import type { Env } from '@/lib/env'
import { migrations as postgresMigrations } from '@/migrations/postgres'
import { migrations as sqliteMigrations } from '@/migrations/sqlite'
import { ensureSearchIndexes } from '@/lib/search-index'
import { seed, type SeedLog, type SeedResult } from '@/seeds/load'

/**
 * Database steps shared by `npm start`, `npm run seed` and the test set-up. These run as an operator's
 * commands (never for a web request), which is why they may read past access control.
 */

export async function openPayload(): Promise<Payload> {
  // Outside `next dev` there is no dev server to reload from; Payload's HMR socket would only keep a
  // finished command alive (it connects whenever NODE_ENV is not production).
  process.env.DISABLE_PAYLOAD_HMR ??= 'true'
  return getPayload({ config })
}

/**
 * Applies the committed migrations that have not run yet. The migration list is passed in (rather than
 * read from disk by Payload) so the same code runs under tsx, Vitest and a compiled build.
 */
// Payload types a migration's argument as `unknown`, while the files it generates take the typed
// MigrateUpArgs/MigrateDownArgs; the shapes are the same at run time.
const asMigrations = (list: unknown) => list as Migration[]

export async function migrateDatabase(payload: Payload, env: Env): Promise<void> {
  switch (env.database.kind) {
    case 'sqlite':
      await payload.db.migrate({ migrations: asMigrations(sqliteMigrations) })
      return
    case 'postgres':
      await payload.db.migrate({ migrations: asMigrations(postgresMigrations) })
      return
    case 'mongodb':
      // Schemaless: the adapter creates collections and indexes on connect; the search index's text
      // index is not a Payload collection's, so it is declared here (lib/search-index.ts).
      await ensureSearchIndexes(payload)
      return
  }
}

export async function countArticles(payload: Payload): Promise<number> {
  const { totalDocs } = await payload.count({ collection: 'articles', overrideAccess: true })
  return totalDocs
}

/** Seeds only a database without stories, so a restart never re-adds what an editor deleted. */
export async function seedIfEmpty(payload: Payload, log: SeedLog): Promise<SeedResult | null> {
  if ((await countArticles(payload)) > 0) return null
  return seed(payload, log)
}
