import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { z } from 'zod'

/**
 * The environment, validated once at boot. The site's configuration is read here and nowhere else, so a
 * bad value fails at start-up with a message that names the variable, never later in the middle of a
 * request. What reads `process.env` elsewhere, and why:
 * - next.config.ts: NEXT_DIST_DIR and SITE_URL (Next.js loads it before any of the app, for the build too);
 *   the cache handler reads its slice through `loadSharedCacheEnv` below.
 * - scripts/*: NEXT_DIST_DIR (which build to serve) and DEBUG, and they pass the environment on to the
 *   processes they start; seeds/load.ts reads the first administrator (SEED_ADMIN_*) with its own schema.
 * - lib/serving-marker.ts writes down the PORT the server set for itself.
 * - instrumentation.ts: NEXT_RUNTIME and NEXT_PHASE, which Next.js sets itself (not configuration).
 */

export const DEFAULT_SQLITE_FILE = 'data/faxe.db'
/** Separates installations that share one Redis; every key the site writes there starts with it. */
export const DEFAULT_REDIS_KEY_PREFIX = 'faxe'

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

const SITEMAP_LIMIT_RULE = 'SITEMAP_URL_LIMIT must be a whole number from 10 to 50000'

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
  FRONT_CACHE_URL: optionalString.transform((value, ctx) => {
    const urls = (value ?? '')
      .split(',')
      .map((u) => u.trim())
      .filter(Boolean)
    for (const url of urls) {
      let parsed: URL | null = null
      try {
        parsed = new URL(url)
      } catch {
        // reported below
      }
      if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password) {
        ctx.addIssue({
          code: 'custom',
          message: `FRONT_CACHE_URL must be a comma-separated list of http(s) URLs of front caches such as http://127.0.0.1:6081 (got "${url}")`,
        })
        return z.NEVER
      }
    }
    return urls.map((u) => u.replace(/\/+$/, ''))
  }),
  REDIS_KEY_PREFIX: optionalString.pipe(
    z
      .string()
      .regex(/^[A-Za-z0-9_.-]{1,64}$/, {
        message:
          'REDIS_KEY_PREFIX must be 1-64 letters, digits, dots, dashes or underscores, such as faxe-prod',
      })
      .default(DEFAULT_REDIS_KEY_PREFIX),
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
  BACKUP_DIR: optionalString,
  SITEMAP_URL_LIMIT: optionalString.pipe(
    z.coerce
      .number<string | undefined>({ message: SITEMAP_LIMIT_RULE })
      .int(SITEMAP_LIMIT_RULE)
      .min(10, SITEMAP_LIMIT_RULE)
      .max(50_000, SITEMAP_LIMIT_RULE)
      .default(50_000),
  ),
  SMTP_URL: optionalString.pipe(
    z
      .url({
        protocol: /^smtps?$/,
        message:
          'SMTP_URL must be an smtp:// or smtps:// URL such as smtp://user:password@mail.example.dk:587',
      })
      .optional(),
  ),
  EMAIL_FROM: optionalString,
  S3_BUCKET: optionalString,
  S3_REGION: optionalString,
  S3_ENDPOINT: optionalString.pipe(
    z
      .url({
        protocol: /^https?$/,
        message: 'S3_ENDPOINT must be an http(s) URL such as https://s3.example.dk or http://127.0.0.1:9000',
      })
      .optional(),
  ),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_PREFIX: optionalString,
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
   * Redis for state several instances share (the login rate limits, the job scheduler's lock, and with the
   * cache handler Next.js's caches); unset: this process's memory.
   */
  redisUrl?: string
  /** The start of every cache key in Redis (REDIS_KEY_PREFIX), so installations can share one Redis. */
  redisKeyPrefix: string
  /** Front caches (Varnish, ops/varnish) to purge on every revalidation; empty: none (lib/front-cache.ts). */
  frontCacheUrls: string[]
  /**
   * The header the proxy in front sets to the client's address (`x-forwarded-for`: its last entry), for
   * per-client rate limits; see lib/client-address.ts.
   */
  clientIpHeader?: string
  /** Where `npm run backup` and the restore's safety backup write archives (default `backups`). */
  backupDir: string
  /** URLs per sitemap file (sitemaps.org's 50,000; SITEMAP_URL_LIMIT lowers it, lib/data/sitemap.ts). */
  sitemapUrlLimit: number
  /** Outgoing e-mail (password resets, welcome mails); unset: off, Payload writes mails to the log. */
  email?: EmailConfig
  /** Uploaded media in an S3-compatible bucket (S3_*); unset: files in MEDIA_DIR. */
  s3?: S3Config
}

export type S3Config = {
  bucket: string
  region: string
  /** Another S3-compatible service (MinIO, Ceph, a hosting provider's); unset: AWS. */
  endpoint?: string
  accessKeyId: string
  secretAccessKey: string
  /** A folder inside the bucket for this site's files, without slashes at either end ('' for none). */
  prefix: string
  /** Where media goes, without the keys, for start-up lines and the scripts' output. */
  description: string
}

const S3_REQUIRED = ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const
const S3_OPTIONAL = ['S3_REGION', 'S3_ENDPOINT', 'S3_PREFIX'] as const
/** AWS needs some region even for a service that ignores it; ours is the Nordic one. */
export const DEFAULT_S3_REGION = 'eu-north-1'

/**
 * The S3_* variables together: all of bucket and keys, or none of them. A partial set is refused with the
 * names of the missing ones, since falling back to MEDIA_DIR would leave one instance writing to its own
 * disk while the others read the bucket.
 */
function parseS3(raw: {
  S3_BUCKET?: string
  S3_REGION?: string
  S3_ENDPOINT?: string
  S3_ACCESS_KEY_ID?: string
  S3_SECRET_ACCESS_KEY?: string
  S3_PREFIX?: string
}): S3Config | undefined {
  const given = [...S3_REQUIRED, ...S3_OPTIONAL].filter((name) => raw[name] !== undefined)
  if (given.length === 0) return undefined
  const missing = S3_REQUIRED.filter((name) => raw[name] === undefined)
  if (missing.length > 0) {
    throw new EnvError(
      `${given.join(', ')} ${given.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not: ` +
        `set S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (and S3_ENDPOINT for a service other than AWS) ` +
        `to keep media in S3-compatible storage, or none of the S3_* variables to keep it in MEDIA_DIR.`,
    )
  }
  const bucket = raw.S3_BUCKET as string
  // The rules every S3-compatible service accepts (lowercase DNS-like names), so a typo fails here.
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new EnvError(
      `S3_BUCKET must be a bucket name of 3-63 lowercase letters, digits, dots and hyphens (got "${bucket}")`,
    )
  }
  const prefix = (raw.S3_PREFIX ?? '').replace(/^\/+|\/+$/g, '')
  if (prefix.split('/').some((part) => part === '..' || part === '.')) {
    throw new EnvError(
      `S3_PREFIX must be a folder name such as faxe/media, without . or .. (got "${raw.S3_PREFIX}")`,
    )
  }
  const region = raw.S3_REGION ?? DEFAULT_S3_REGION
  const endpoint = raw.S3_ENDPOINT?.replace(/\/+$/, '')
  const where = endpoint ? `${endpoint} (region ${region})` : `AWS ${region}`
  return {
    bucket,
    region,
    endpoint,
    accessKeyId: raw.S3_ACCESS_KEY_ID as string,
    secretAccessKey: raw.S3_SECRET_ACCESS_KEY as string,
    prefix,
    description: `S3 bucket ${bucket}${prefix ? `, folder ${prefix}/` : ''}, at ${where}`,
  }
}

/** The line `npm start` prints about where uploaded media is kept. */
export function mediaStorageLine(config: Pick<Env, 'mediaDir' | 's3'>): string {
  return config.s3 ? `media: in the ${config.s3.description}` : `media: files in ${config.mediaDir}`
}

export type EmailConfig = {
  /** nodemailer's SMTP options, taken apart from SMTP_URL. */
  smtp: { host: string; port: number; secure: boolean; auth?: { user: string; pass: string } }
  fromName: string
  fromAddress: string
  /** Where mail goes, without the password, for the start-up line. */
  description: string
}

/** The line `npm start` prints about e-mail. */
export function emailStatusLine(email: EmailConfig | undefined): string {
  return email
    ? `e-mail: on, via ${email.description} from ${email.fromAddress}`
    : 'e-mail: off (SMTP_URL is not set): mails are only logged; set passwords with npm run user:reset-password'
}

const emailAddress = z.email()
const NAMED_ADDRESS = /^"?([^"<>]+?)"?\s*<([^<>\s]+)>$/

/** `noreply@faxe.dk` or `Faxe i Fællesskab <noreply@faxe.dk>`; null when it is neither. */
function parseSender(value: string): { name: string; address: string } | null {
  const named = NAMED_ADDRESS.exec(value)
  const [name, address] = named ? [named[1]!.trim(), named[2]!] : ['Faxe i Fællesskab', value]
  return name && emailAddress.safeParse(address).success ? { name, address } : null
}

/**
 * SMTP_URL and EMAIL_FROM together. The sender is required once mail is on: a guessed one (Payload's
 * default is info@payloadcms.com) would be refused or marked as spam by the municipality's mail servers.
 */
function parseEmail(smtpUrl: string | undefined, from: string | undefined): EmailConfig | undefined {
  if (!smtpUrl) {
    if (from) throw new EnvError('EMAIL_FROM is set but SMTP_URL is not: set both to send e-mail.')
    return undefined
  }
  if (!from) {
    throw new EnvError(
      'EMAIL_FROM is required when SMTP_URL is set, e.g. EMAIL_FROM="Faxe i Fællesskab <noreply@faxe.dk>"',
    )
  }
  const sender = parseSender(from)
  if (!sender) {
    throw new EnvError(
      `EMAIL_FROM must be an address or "Name <address>", e.g. "Faxe i Fællesskab <noreply@faxe.dk>" (got "${from}")`,
    )
  }
  const url = new URL(smtpUrl)
  const secure = url.protocol === 'smtps:'
  const port = url.port ? Number(url.port) : secure ? 465 : 587
  const user = decodeURIComponent(url.username)
  return {
    smtp: {
      host: url.hostname,
      port,
      secure,
      ...(user ? { auth: { user, pass: decodeURIComponent(url.password) } } : {}),
    },
    fromName: sender.name,
    fromAddress: sender.address,
    description: `${url.protocol}//${user ? `${user}@` : ''}${url.hostname}:${port}`,
  }
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
    redisUrl: raw.REDIS_URL,
    frontCacheUrls: raw.FRONT_CACHE_URL,
    redisKeyPrefix: raw.REDIS_KEY_PREFIX,
    clientIpHeader: raw.CLIENT_IP_HEADER,
    backupDir: path.resolve(cwd, raw.BACKUP_DIR ?? 'backups'),
    sitemapUrlLimit: raw.SITEMAP_URL_LIMIT,
    email: parseEmail(raw.SMTP_URL, raw.EMAIL_FROM),
    s3: parseS3(raw),
  }
}

export type SharedCacheEnv = { redisUrl?: string; redisKeyPrefix: string; frontCacheUrls: string[] }

/**
 * Only what the cache handler needs (REDIS_URL, REDIS_KEY_PREFIX, FRONT_CACHE_URL), validated by the same
 * schema. Next.js
 * loads next.config.ts and the cache handler (lib/shared-cache/handler.ts) outside the app's bundle, before
 * and beside the code that calls `env()`; they need these values and none of `loadEnv`'s side effects
 * (it may generate and store a PAYLOAD_SECRET).
 */
export function loadSharedCacheEnv(source: Record<string, string | undefined> = process.env): SharedCacheEnv {
  const parsed = envSchema
    .pick({ REDIS_URL: true, REDIS_KEY_PREFIX: true, FRONT_CACHE_URL: true })
    .safeParse(source)
  if (!parsed.success) {
    throw new EnvError(`Invalid environment:\n${formatZodError(parsed.error)}`)
  }
  return {
    redisUrl: parsed.data.REDIS_URL,
    redisKeyPrefix: parsed.data.REDIS_KEY_PREFIX,
    frontCacheUrls: parsed.data.FRONT_CACHE_URL,
  }
}

let cached: Env | undefined

/** The validated environment of this process (loaded on first use). */
export function env(): Env {
  cached ??= loadEnv()
  return cached
}
