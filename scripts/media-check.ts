/**
 * `npm run media:check`: moves uploaded files that no media document refers to out of MEDIA_DIR and lists
 * media documents whose file is missing (scripts/lib/media-orphans.ts). With media in an S3 bucket it
 * lists both against the bucket and moves nothing. `npm start` does the same before it
 * serves; run this by hand only while no server is taking uploads.
 */
import { EnvError, loadEnv } from '@/lib/env'
import { checkMedia, describeMediaCheck } from './lib/media-orphans'

async function main(): Promise<void> {
  const env = loadEnv()
  const { openPayload } = await import('./lib/database')
  const payload = await openPayload()
  try {
    for (const line of describeMediaCheck(await checkMedia(payload, env))) {
      console.log(`[media] ${line}`)
    }
  } finally {
    await payload.destroy()
  }
}

main()
  // Exit explicitly, as scripts/seed.ts does: PostgreSQL's pool outlives payload.destroy().
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(
      `[media] ${error instanceof EnvError ? 'Cannot start: ' : 'Failed: '}${error instanceof Error ? error.message : String(error)}`,
    )
    process.exit(1)
  })
