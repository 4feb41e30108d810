/** `npm run seed`: migrate, then write the seed story where it is missing. Safe to run any number of times. */
import { EnvError, loadEnv } from '@/lib/env'

async function main(): Promise<void> {
  const env = loadEnv()
  const { openPayload, migrateDatabase } = await import('./lib/database')
  const { seed } = await import('@/seeds/load')
  const payload = await openPayload()
  console.log(`[seed] Applying pending migrations (${env.database.kind}) …`)
  await migrateDatabase(payload, env)
  console.log('[seed] Writing the seed story …')
  const result = await seed(payload, (line) => console.log(`[seed] ${line}`))
  console.log(`[seed] Done: ${result.created} written, ${result.unchanged} already there.`)
  await payload.destroy()
}

main()
  // Exit explicitly: PostgreSQL's pool stays open after payload.destroy() (its end() waits for a client
  // Payload keeps checked out), which would keep a finished command running.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(
      `[seed] Failed: ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
