import { createHash } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import type { DatabaseConfig } from '@/lib/env'

/**
 * "A server is serving this database": a small file the running server writes when it starts
 * (instrumentation.ts) and removes when it exits, so that `npm run restore` can refuse to replace a
 * database under a running site. It names the process, so a marker left behind by a server that was
 * killed (kill -9, a power cut) is recognised as stale: its process no longer exists.
 *
 * Why a file and not a port check: the restore does not know which port a server listens on (PORT may
 * differ, a proxy may sit in front), and a port that answers says nothing about which database is behind
 * it. Why not only the database's own sessions: an idle server holds no SQLite lock, and PostgreSQL's
 * pool closes idle connections after 10 seconds (the restore checks PostgreSQL's sessions as well).
 *
 * SQLite's marker lies beside the database file; a server database's in `data/` of the installation,
 * named after the database (host, port, name), so a server on another machine is not seen by it.
 */

const markerSchema = z.object({
  pid: z.number().int().positive(),
  hostname: z.string(),
  port: z.string().optional(),
  startedAt: z.string(),
})

export type ServingMarker = z.infer<typeof markerSchema>

/** A database server's identity for the marker's name: host, port and database, never credentials. */
function serverDatabaseName(url: string): string {
  const parsed = new URL(url)
  const host = parsed.hostname === 'localhost' ? '127.0.0.1' : parsed.hostname
  return `${parsed.protocol}//${host}:${parsed.port || 'default'}${parsed.pathname}`
}

export function servingMarkerPath(database: DatabaseConfig, cwd = process.cwd()): string {
  if (database.kind === 'sqlite') return `${database.file}.serving`
  const id = createHash('sha256').update(serverDatabaseName(database.url)).digest('hex').slice(0, 16)
  return path.resolve(cwd, 'data', `serving-${id}.json`)
}

/**
 * Called once by the server process at start; the marker goes when the process exits. A marker that
 * cannot be written (a read-only folder) does not stop the site: it is logged, and restore cannot see it.
 */
export function markServing(database: DatabaseConfig): void {
  const file = servingMarkerPath(database)
  const marker: ServingMarker = {
    pid: process.pid,
    hostname: os.hostname(),
    port: process.env.PORT,
    startedAt: new Date().toISOString(),
  }
  try {
    mkdirSync(path.dirname(file), { recursive: true })
    writeFileSync(file, `${JSON.stringify(marker)}\n`)
  } catch (error) {
    console.error(
      `[serving] could not write ${file} (${(error as Error).message}); npm run restore will not see that this server uses the database`,
    )
    return
  }
  process.once('exit', () => {
    // Only our own marker: a second server started on the same database since then wrote its own.
    if (readServingMarker(file)?.pid === process.pid) rmSync(file, { force: true })
  })
}

export function readServingMarker(file: string): ServingMarker | null {
  let raw: string
  try {
    raw = readFileSync(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
  let json: unknown
  try {
    json = JSON.parse(raw)
  } catch {
    // A half-written marker (a crash while writing it) names no process: treated as none.
    return null
  }
  const parsed = markerSchema.safeParse(json)
  return parsed.success ? parsed.data : null
}

/**
 * When process `pid` started (ms since the epoch), from Linux's /proc; null elsewhere. Field 22 of
 * /proc/<pid>/stat is the start in clock ticks after boot (USER_HZ, 100 on Linux), /proc/stat's btime the
 * boot in seconds. https://man7.org/linux/man-pages/man5/proc_pid_stat.5.html
 */
function processStartedAt(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) is in parentheses and may contain spaces; fields 3… follow the last ')'.
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19])
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1])
    return Number.isFinite(ticks) && Number.isFinite(boot) ? (boot + ticks / 100) * 1000 : null
  } catch {
    return null
  }
}

/**
 * Whether the process that wrote `marker` still runs. After a crash its number may have gone to another
 * process, which then started after the marker was written. (Not by name: Next.js renames its process
 * to "next-server".)
 */
function serverProcessExists(marker: ServingMarker): boolean {
  try {
    process.kill(marker.pid, 0)
  } catch (error) {
    // EPERM: it exists but belongs to another user.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  const started = processStartedAt(marker.pid)
  // Without /proc (not Linux) the process exists, and we cannot tell more. The marker is written after
  // the process started; a few seconds allow for the clock ticks' rounding.
  return started === null || started <= Date.parse(marker.startedAt) + 5_000
}

export type ServingState =
  { serving: false; stale?: ServingMarker } | { serving: true; marker: ServingMarker; reason: string }

/** Whether a server (on this machine, or one whose marker we cannot check) is serving `database`. */
export function whoServes(database: DatabaseConfig, cwd = process.cwd()): ServingState {
  const file = servingMarkerPath(database, cwd)
  const marker = readServingMarker(file)
  if (!marker) return { serving: false }
  if (marker.hostname !== os.hostname()) {
    return {
      serving: true,
      marker,
      reason:
        `a server on ${marker.hostname} (process ${marker.pid}) marked it as served in ${file}; ` +
        'stop that server (its marker goes when it exits), or delete the file if that server is gone',
    }
  }
  if (!serverProcessExists(marker)) return { serving: false, stale: marker }
  return {
    serving: true,
    marker,
    reason:
      `a server is running on it: process ${marker.pid}` +
      `${marker.port ? ` on port ${marker.port}` : ''}, started ${marker.startedAt} (${file}). Stop the site first`,
  }
}
