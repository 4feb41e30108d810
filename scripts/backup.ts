/**
 * `npm run backup [-- --out FILE]`: one archive of the database and the uploaded media, with a manifest
 * (scripts/lib/backup.ts), while the site keeps running. Default: $BACKUP_DIR (backups/)
 * faxe-<UTC time>.tar.gz.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { EnvError, loadEnv } from '@/lib/env'
import { archiveName, BackupRefusal, createBackup } from './lib/backup'

const say = (line: string) => console.log(`[backup] ${line}`)

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: false })
  const env = loadEnv()
  const out = path.resolve(values.out ?? path.join(env.backupDir, archiveName()))
  say(
    `Backing up the ${env.database.kind} database ${env.s3 ? '(the media stays in its S3 bucket)' : `and ${env.mediaDir}`} to ${out}`,
  )
  await createBackup(env, out, say)
  say(`Done: ${out}`)
}

main()
  // Exit explicitly: nothing else should keep a finished command alive.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    say(`${error instanceof BackupRefusal || error instanceof EnvError ? 'Refused' : 'Failed'}: ${message}`)
    if (process.env.DEBUG && error instanceof Error) console.error(error.stack)
    process.exit(error instanceof BackupRefusal ? 2 : 1)
  })
