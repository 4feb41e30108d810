/**
 * Child process of `npm run bench`: fills one fresh temporary database for one dataset (the seed story
 * plus N synthetic stories) and creates the editor account the benchmark writes with. It runs in a process
 * of its own because `payload.config.ts` reads DATABASE_URI once per process, and each dataset has its own
 * database. Like the seed, it is an operator's command, so it may bypass access control.
 */
import { z } from 'zod'
import { loadEnv } from '@/lib/env'

const argsSchema = z.object({
  BENCH_STORIES: z.coerce.number().int().min(1).max(100_000),
  BENCH_EDITOR_EMAIL: z.email(),
  BENCH_EDITOR_PASSWORD: z.string().min(12),
})

const log = (line: string) => process.stderr.write(`${line}\n`)

async function main(): Promise<void> {
  const args = argsSchema.parse(process.env)
  const env = loadEnv()
  if (env.database.kind !== 'sqlite') throw new Error('The benchmark prepares SQLite databases only.')
  const { openPayload, migrateDatabase } = await import('@/scripts/lib/database')
  const { seed } = await import('@/seeds/load')
  const { seedSynthetic } = await import('./synthetic')
  const payload = await openPayload()
  await migrateDatabase(payload, env)
  const seeded = await seed(payload)
  log(`seed story: ${seeded.created} documents`)
  await seedSynthetic(payload, args.BENCH_STORIES, log)
  await payload.create({
    collection: 'users',
    data: {
      email: args.BENCH_EDITOR_EMAIL,
      password: args.BENCH_EDITOR_PASSWORD,
      name: 'Benchmark',
      role: 'editor',
    },
    overrideAccess: true,
    context: { disableRevalidate: true },
  })
  await payload.destroy()
}

main()
  // Exit explicitly, as scripts/seed.ts does: a finished command must not wait on an open handle.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    log(`prepare failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  })
