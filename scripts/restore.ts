/**
 * `npm run restore -- FILE`: puts an archive of `npm run backup` back into the configured database and
 * MEDIA_DIR, with the site stopped. What it checks and in which order: scripts/lib/restore.ts.
 * Exit codes: 0 restored, 2 refused (nothing changed), 1 failed (the previous state is back in place).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EnvError, loadEnv } from '@/lib/env'
import { BackupRefusal } from './lib/backup'
import { restoreArchive } from './lib/restore'

const say = (line: string) => console.log(`[restore] ${line}`)

async function main(): Promise<void> {
  const { positionals } = parseArgs({ allowPositionals: true })
  if (positionals.length !== 1)
    throw new EnvError('Usage: npm run restore -- FILE (an archive from npm run backup)')
  const env = loadEnv()
  const file = path.resolve(positionals[0]!)
  say(
    `Restoring ${file} into the ${env.database.kind} database${env.s3 ? ' (media stays in the S3 bucket)' : ` and ${env.mediaDir}`}`,
  )
  const result = await restoreArchive(
    env,
    file,
    { safetyDir: env.backupDir, distDir: process.env.NEXT_DIST_DIR || '.next' },
    say,
  )
  say('Done.')
  if (result.safetyBackup) say(`  What was there before is in ${result.safetyBackup}`)
  if (result.pendingMigrations.length > 0) {
    say(`  The backup predates ${result.pendingMigrations.length} migration(s); npm start applies them.`)
  }
  say('  Start the site with npm start (it rebuilds, so every page is rendered from the restored content).')
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    say(
      `${error instanceof BackupRefusal || error instanceof EnvError ? 'Refused, nothing was changed' : 'Failed'}: ${message}`,
    )
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
    process.exit(error instanceof BackupRefusal || error instanceof EnvError ? 2 : 1)
  })
