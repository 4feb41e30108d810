import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import pg from 'pg'
import { BackupRefusal, type DatabaseSnapshot, type Log } from './backup'

/**
 * PostgreSQL's side of backup and restore, with the server's own tools from Debian's postgresql-client:
 * `pg_dump` for the backup, `psql` for the restore.
 *
 * pg_dump refuses a server newer than itself ("server version mismatch"), so the tool is chosen by the
 * server's version: Debian keeps one client per major version in /usr/lib/postgresql/<major>/bin (and
 * /usr/bin/pg_dump is a wrapper for the newest), so every installed one is considered.
 */

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`

/** A connection URL without its password (which goes into PGPASSWORD instead of the process list). */
function withoutPassword(url: string): { url: string; password?: string } {
  const parsed = new URL(url)
  const password = parsed.password ? decodeURIComponent(parsed.password) : undefined
  parsed.password = ''
  return { url: parsed.toString(), ...(password ? { password } : {}) }
}

export function postgresClient(url: string): pg.Client {
  return new pg.Client({ connectionString: url, application_name: 'faxe-backup' })
}

type Tool = { path: string; version: string; major: number }

function toolVersion(file: string): Tool | null {
  const result = spawnSync(file, ['--version'], { encoding: 'utf8' })
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(result.stdout ?? '')
  if (result.status !== 0 || !match) return null
  return { path: file, version: `${match[1]}${match[2] ? `.${match[2]}` : ''}`, major: Number(match[1]) }
}

function installedTools(name: 'pg_dump' | 'psql'): Tool[] {
  const candidates: string[] = [name]
  const debian = '/usr/lib/postgresql'
  if (existsSync(debian)) {
    for (const major of readdirSync(debian)) candidates.push(path.join(debian, major, 'bin', name))
  }
  return candidates
    .map((file) => toolVersion(file))
    .filter((tool): tool is Tool => tool !== null)
    .sort((a, b) => a.major - b.major)
}

/**
 * The oldest installed `name` that is at least `minMajor` (the same major as the server when there is
 * one), or a BackupRefusal in Danish and English that says what to install.
 */
export function chooseTool(name: 'pg_dump' | 'psql', minMajor: number, serverVersion: string): Tool {
  const tools = installedTools(name)
  const fit = tools.find((tool) => tool.major >= minMajor)
  if (fit) return fit
  if (tools.length === 0) {
    throw new BackupRefusal(
      `${name} findes ikke på maskinen / ${name} is not installed. ` +
        `Install Debian's PostgreSQL client: apt-get install postgresql-client (version ${minMajor} or newer).`,
    )
  }
  const found = tools.map((t) => `${t.version} (${t.path})`).join(', ')
  throw new BackupRefusal(
    `${name} er for gammel til serveren / ${name} is too old for the server: the server runs PostgreSQL ` +
      `${serverVersion}, and the installed ${name} is ${found}; ${name} must be version ${minMajor} or newer. ` +
      `Install postgresql-client-${minMajor} (on Debian from the PostgreSQL project's own Debian repository, PGDG).`,
  )
}

async function describe(client: pg.Client): Promise<DatabaseSnapshot> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  )
  const tables: Record<string, number> = {}
  for (const { name } of rows) {
    const counted = await client.query<{ n: string }>(`SELECT count(*) AS n FROM public.${quote(name)}`)
    tables[name] = Number(counted.rows[0]?.n ?? 0)
  }
  const migrations =
    'payload_migrations' in tables
      ? (
          await client.query<{ name: string }>(
            "SELECT name FROM public.payload_migrations WHERE name <> 'dev' ORDER BY name",
          )
        ).rows.map((row) => row.name)
      : []
  return { tables, migrations }
}

export async function serverVersion(client: pg.Client): Promise<{ version: string; major: number }> {
  const { rows } = await client.query<{ server_version: string; num: string }>(
    "SELECT current_setting('server_version') AS server_version, current_setting('server_version_num') AS num",
  )
  const row = rows[0]!
  return { version: row.server_version.split(' ')[0]!, major: Math.floor(Number(row.num) / 10000) }
}

/** Rows per table and migrations of the database at `url`, as it is now. */
export async function describePostgres(url: string): Promise<DatabaseSnapshot> {
  const client = postgresClient(url)
  await client.connect()
  try {
    return await describe(client)
  } finally {
    await client.end()
  }
}

function runTool(tool: Tool, args: string[], url: string): Promise<void> {
  const { password } = withoutPassword(url)
  return new Promise((resolve, reject) => {
    const child = spawn(tool.path, args, {
      env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) },
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new Error(`${path.basename(tool.path)} ${tool.version} failed (exit ${code}): ${stderr.trim()}`),
          ),
    )
  })
}

/**
 * Dumps the database at `url` into `target` (plain SQL). The counts and migrations in the manifest are
 * read in one REPEATABLE READ transaction whose snapshot pg_dump shares (`--snapshot`), so they describe
 * exactly what is in the dump even while editors keep saving.
 */
export async function snapshotPostgres(
  url: string,
  target: string,
  log: Log,
): Promise<DatabaseSnapshot & { serverVersion: string; dumpTool: string }> {
  const client = postgresClient(url)
  await client.connect()
  try {
    const server = await serverVersion(client)
    const tool = chooseTool('pg_dump', server.major, server.version)
    log(`  PostgreSQL ${server.version}, with ${tool.path} ${tool.version}`)
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    const { rows } = await client.query<{ snapshot: string }>('SELECT pg_export_snapshot() AS snapshot')
    const described = await describe(client)
    await runTool(
      tool,
      [
        `--snapshot=${rows[0]!.snapshot}`,
        '--format=plain',
        '--schema=public',
        '--no-owner',
        '--no-privileges',
        `--file=${target}`,
        `--dbname=${withoutPassword(url).url}`,
      ],
      url,
    )
    await client.query('COMMIT')
    return { ...described, serverVersion: server.version, dumpTool: `pg_dump ${tool.version}` }
  } finally {
    await client.end()
  }
}

/** Other sessions on the database (a site on another machine, a psql), which a restore must not pull the floor from under. */
export async function otherSessions(url: string): Promise<string[]> {
  const client = postgresClient(url)
  await client.connect()
  try {
    const { rows } = await client.query<{ pid: number; client: string | null; application: string }>(
      `SELECT pid, client_addr::text AS client, application_name AS application FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    )
    return rows.map(
      (r) =>
        `process ${r.pid} from ${r.client ?? 'a local socket'}${r.application ? ` (${r.application})` : ''}`,
    )
  } finally {
    await client.end()
  }
}

/**
 * Replaces the database's schema `public` with the dump, in one transaction with psql: the old schema is
 * dropped, the dump recreates everything, and before the commit every table's row count is checked
 * against the manifest. Any error (in the dump, a count that differs, a lost connection) rolls the whole
 * transaction back, leaving the database as it was.
 */
export async function restorePostgres(
  url: string,
  dumpFile: string,
  expected: Record<string, number>,
  dumpTool: string | undefined,
  log: Log,
): Promise<void> {
  const client = postgresClient(url)
  await client.connect()
  const server = await serverVersion(client).finally(() => client.end())
  // A plain dump may use psql commands of its pg_dump's version (\restrict since 2025's releases).
  const dumpMajor = Number(/(\d+)/.exec(dumpTool ?? '')?.[1] ?? 0)
  const psql = chooseTool('psql', Math.max(dumpMajor, 1), server.version)
  log(`  PostgreSQL ${server.version}, with ${psql.path} ${psql.version}`)
  const checks = Object.entries(expected)
    .map(
      ([table, n]) =>
        `IF (SELECT count(*) FROM public.${quote(table)}) <> ${n} THEN RAISE EXCEPTION 'restored table % has the wrong number of rows', ${pgLiteral(table)}; END IF;`,
    )
    .join('\n')
  const tables = `(SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE')`
  const verify = `DO $verify$ BEGIN
${checks}
IF ${tables} <> ${Object.keys(expected).length} THEN RAISE EXCEPTION 'the restored database has other tables than the backup'; END IF;
END $verify$;`
  await runTool(
    psql,
    [
      '--no-psqlrc',
      '--quiet',
      '--single-transaction',
      '--set=ON_ERROR_STOP=1',
      `--dbname=${withoutPassword(url).url}`,
      '--command=DROP SCHEMA IF EXISTS public CASCADE',
      `--file=${dumpFile}`,
      `--command=${verify}`,
    ],
    url,
  )
}

function pgLiteral(value: string): string {
  return `'${value.replaceAll("'", "''")}'`
}
