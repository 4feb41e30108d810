/**
 * Serves the production build (what `next start` did, plus request ids, the database 503 and a bounded
 * shutdown; see scripts/lib/http-server.ts) and runs due jobs (scripts/lib/job-scheduler.ts). `npm start`
 * runs this after its checks; tests start it too; `npm run serve` starts one more instance of an existing
 * build: no build, no migration, no seed (README "Production").
 *
 *   node --import tsx scripts/serve.ts --port 3000 [--hostname 127.0.0.1]
 *
 * Run with plain `node --import tsx` (not the `tsx` command, which would put a second process in between):
 * a signal, or a `kill -9` in a test, must reach the server itself.
 */
import { existsSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { EnvError, loadEnv, type Env } from '@/lib/env'
import { logLine } from '@/lib/log'
import { serve } from './lib/http-server'
import { startJobScheduler } from './lib/job-scheduler'
import { expireEverythingCachedBefore } from './lib/startup-expiry'

const options = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  hostname: z.string().min(1).optional(),
})

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string', short: 'p' }, hostname: { type: 'string', short: 'H' } },
  })
  const parsed = options.safeParse({
    port: values.port ?? process.env.PORT ?? '3000',
    hostname: values.hostname,
  })
  if (!parsed.success) {
    console.error(`[serve] ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`)
    process.exit(2)
  }
  const distDir = process.env.NEXT_DIST_DIR || '.next'
  if (!existsSync(path.join(distDir, 'BUILD_ID'))) {
    console.error(
      `[serve] There is no production build in ${path.resolve(distDir)}. Build it first with \`npm start\` ` +
        '(which also migrates and seeds) or `npm run build`, then start more instances with `npm run serve`.',
    )
    process.exit(2)
  }
  let settings: Env
  try {
    settings = loadEnv()
  } catch (error) {
    if (!(error instanceof EnvError)) throw error
    console.error(`[serve] Cannot start: ${error.message}`)
    process.exit(2)
  }
  // Before the first request: see scripts/lib/startup-expiry.ts.
  const expired = expireEverythingCachedBefore()
  logLine('info', 'caches-expired', { reason: 'server start', tags: expired })
  const { shutdown } = await serve(parsed.data)
  console.log(`[serve] listening on ${parsed.data.hostname ?? '*'}:${parsed.data.port}`)
  const host = parsed.data.hostname ?? '127.0.0.1'
  const scheduler = startJobScheduler({
    origin: `http://${host.includes(':') ? `[${host}]` : host}:${parsed.data.port}`,
    redisUrl: settings.redisUrl,
  })
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      scheduler.stop()
      void shutdown(signal).then((code) => process.exit(code))
    })
  }
}

main().catch((error: unknown) => {
  console.error('[serve] could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
