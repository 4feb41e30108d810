import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'

/**
 * The environment, validated once at boot. Everything that reads `process.env` for configuration goes
 * through here, so a bad value fails at start-up with a message that names the variable, never later
 * in the middle of a request.
 */

export const DEFAULT_SQLITE_FILE = 'data/faxe.db'

export type DatabaseConfig =
  | { kind: 'sqlite'; url: string; file: string }
  | { kind: 'postgres'; url: string }
  | { kind: 'mongodb'; url: string }

export class EnvError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'EnvError'
  }
}

const ACCEPTED_DATABASE_FORMS = [
  '(unset)                          embedded SQLite in data/faxe.db',
  'file:<path>                      embedded SQLite at <path>',
  'postgres://… or postgresql://…   PostgreSQL',
  'mongodb://… or mongodb+srv://…   MongoDB',
].join('\n  ')

/** Turns `DATABASE_URI` into an adapter choice; anything we do not recognise is refused outright. */
export function parseDatabaseUri(raw: string | undefined, cwd = process.cwd()): DatabaseConfig {
  const value = raw?.trim()
  if (!value) {
    const file = path.resolve(cwd, DEFAULT_SQLITE_FILE)
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  if (value.startsWith('file:')) {
    const rest = value.slice('file:'.length).replace(/^\/\/(?=\/)/, '')
    if (!rest) throw new EnvError(`DATABASE_URI "file:" needs a path, e.g. file:./data/faxe.db`)
    const file = path.resolve(cwd, rest)
    return { kind: 'sqlite', url: `file:${file}`, file }
  }
  let protocol: string
  try {
    protocol = new URL(value).protocol
  } catch {
    throw new EnvError(
      `DATABASE_URI is not a valid URL (${redact(value)}).\nAccepted forms:\n  ${ACCEPTED_DATABASE_FORMS}`,
    )
  }
  if (protocol === 'postgres:' || protocol === 'postgresql:') return { kind: 'postgres', url: value }
  if (protocol === 'mongodb:' || protocol === 'mongodb+srv:') return { kind: 'mongodb', url: value }
  throw new EnvError(
    `DATABASE_URI uses an unsupported scheme "${protocol}" (${redact(value)}).\nAccepted forms:\n  ${ACCEPTED_DATABASE_FORMS}`,
  )
}

/** Never print a password that sits in a connection string. */
function redact(uri: string): string {
  return uri.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')
}

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined))

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce
    .number({ message: 'PORT must be a number' })
    .int('PORT must be a whole number')
    .min(1, 'PORT must be between 1 and 65535')
    .max(65535, 'PORT must be between 1 and 65535')
    .default(3000),
  DATABASE_URI: optionalString,
  PAYLOAD_SECRET: optionalString.pipe(
    z.string().min(32, 'PAYLOAD_SECRET must be at least 32 characters of random text').optional(),
  ),
  SITE_URL: optionalString.pipe(
    z
      .url({
        protocol: /^https?$/,
        message: 'SITE_URL must be an http(s) origin such as https://faxeifaellesskab.dk',
      })
      .optional(),
  ),
  MEDIA_DIR: optionalString,
  CORS_ORIGINS: optionalString.transform((value, ctx) => {
    const origins = (value ?? '')
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean)
    for (const origin of origins) {
      let parsed: URL | null = null
      try {
        parsed = new URL(origin)
      } catch {
        // reported below
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.origin !== origin.replace(/\/+$/, '')) {
        ctx.addIssue({
          code: 'custom',
          message: `CORS_ORIGINS must be a comma-separated list of origins such as https://app.example.org (got "${origin}")`,
        })
        return z.NEVER
      }
    }
    return origins.map((o) => o.replace(/\/+$/, ''))
  }),
  REDIS_URL: optionalString.pipe(
    z
      .url({
        protocol: /^rediss?$/,
        message: 'REDIS_URL must be a redis:// or rediss:// URL such as redis://127.0.0.1:6379/0',
      })
      .optional(),
  ),
  CLIENT_IP_HEADER: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9-]{1,64}$/, {
        message: 'CLIENT_IP_HEADER must be a header name such as x-forwarded-for or x-real-ip',
      })
      .transform((name) => name.toLowerCase())
      .optional(),
  ),
  JOBS_AUTORUN: optionalString.pipe(
    z
      .enum(['true', 'false'], { message: 'JOBS_AUTORUN must be "true" or "false"' })
      .optional()
      .transform((v) => v !== 'false'),
  ),
})

export type Env = {
  nodeEnv: 'development' | 'production' | 'test'
  isProduction: boolean
  port: number
  database: DatabaseConfig
  payloadSecret: string
  /** The public origin without a trailing slash, e.g. https://faxeifaellesskab.dk */
  siteUrl: string
  mediaDir: string
  /** Other sites whose pages may read the public API from the browser (GET only, no credentials). */
  corsOrigins: string[]
  /**
   * Whether this server process runs the job queue (scheduled publishing). With several instances, exactly
   * one should (JOBS_AUTORUN=false on the others), so a due job is not picked up twice.
   */
  jobsAutoRun: boolean
  /** Redis for state several instances share (the login rate limits); unset: this process's memory. */
  redisUrl?: string
  /**
   * The header the proxy in front sets to the client's address (`x-forwarded-for`: its last entry), for
   * per-client rate limits; see lib/client-address.ts.
   */
  clientIpHeader?: string
}

function formatZodError(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`)
    .join('\n')
}

/**
 * The embedded default needs no set-up, so its secret is generated once with crypto randomness and kept
 * beside the data it protects (mode 600). A server database in production must be given one explicitly:
 * several instances have to share it, and a file on one machine cannot promise that.
 */
function resolveSecret(
  given: string | undefined,
  database: DatabaseConfig,
  isProduction: boolean,
  cwd: string,
): string {
  if (given) return given
  if (isProduction && database.kind !== 'sqlite') {
    throw new EnvError(
      `PAYLOAD_SECRET is required when NODE_ENV=production and DATABASE_URI points at a ${database.kind} server.\n` +
        `  Generate one with: node -e "console.log(require('crypto').randomBytes(32).toString('hex'))"`,
    )
  }
  const dir = database.kind === 'sqlite' ? path.dirname(database.file) : path.resolve(cwd, 'data')
  const file = path.join(dir, '.payload-secret')
  if (existsSync(file)) {
    const stored = readFileSync(file, 'utf8').trim()
    if (stored.length >= 32) return stored
    throw new EnvError(`The stored secret in ${file} is too short; delete the file to generate a new one.`)
  }
  mkdirSync(dir, { recursive: true })
  const secret = randomBytes(32).toString('hex')
  // `wx` fails if another process created the file between our check and now; then we use theirs.
  try {
    writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return readFileSync(file, 'utf8').trim()
    throw error
  }
  chmodSync(file, 0o600)
  return secret
}

export function loadEnv(source: Record<string, string | undefined> = process.env, cwd = process.cwd()): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    throw new EnvError(`Invalid environment:\n${formatZodError(parsed.error)}`)
  }
  const raw = parsed.data
  const database = parseDatabaseUri(raw.DATABASE_URI, cwd)
  const isProduction = raw.NODE_ENV === 'production'
  const siteUrl = (raw.SITE_URL ?? `http://localhost:${raw.PORT}`).replace(/\/+$/, '')
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction,
    port: raw.PORT,
    database,
    payloadSecret: resolveSecret(raw.PAYLOAD_SECRET, database, isProduction, cwd),
    siteUrl,
    mediaDir: path.resolve(cwd, raw.MEDIA_DIR ?? 'data/media'),
    corsOrigins: raw.CORS_ORIGINS,
    jobsAutoRun: raw.JOBS_AUTORUN,
    redisUrl: raw.REDIS_URL,
    clientIpHeader: raw.CLIENT_IP_HEADER,
  }
}

let cached: Env | undefined

/** The validated environment of this process (loaded on first use). */
export function env(): Env {
  cached ??= loadEnv()
  return cached
}
