import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import type { DatabaseAdapterObj } from 'payload'
import type { DatabaseConfig } from '@/lib/env'

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
  switch (database.kind) {
    case 'sqlite':
      return sqliteAdapter({
        client: { url: database.url },
        migrationDir: MIGRATION_DIRS.sqlite,
        push: false,
        // WAL lets readers (page renders) proceed while the editor saves.
        wal: true,
        busyTimeout: 5000,
      })
    case 'postgres':
      return postgresAdapter({
        pool: { connectionString: database.url, max: 10 },
        migrationDir: MIGRATION_DIRS.postgres,
        push: false,
      })
    case 'mongodb':
      // MongoDB is schemaless: no migrations; Payload creates the indexes it needs on connect.
      return mongooseAdapter({ url: database.url, ensureIndexes: true })
  }
}
