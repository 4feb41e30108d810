/**
 * `npm run search:reindex`: rebuilds the search index (lib/search-index.ts) from the documents, with a line
 * of progress per batch. Needed after restoring or copying a database, or to bring in a change of how text
 * is folded or stemmed; the collection hooks keep it current otherwise.
 */
import { EnvError, loadEnv } from '@/lib/env'

async function main(): Promise<void> {
  const env = loadEnv()
  const { openPayload, migrateDatabase } = await import('./lib/database')
  const { reindexAll } = await import('@/lib/search-index')
  const payload = await openPayload()
  await migrateDatabase(payload, env)
  const started = Date.now()
  const rows = await reindexAll(payload, (line) => console.log(`[search:reindex] ${line}`))
  console.log(`[search:reindex] Done: ${rows} documents in the index (${Date.now() - started} ms).`)
  await payload.destroy()
}

main()
  // Exit explicitly: PostgreSQL's pool stays open after payload.destroy() (see scripts/seed.ts).
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(
      `[search:reindex] Failed: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
