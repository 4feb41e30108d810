import { redactSecrets } from '@/lib/database-errors'

/**
 * The operator's log lines: one JSON object per line on stdout (errors on stderr), each with `time`,
 * `level` and `event`, so `grep '"event":"request-error"'` or `jq` finds them among Next.js's and Payload's
 * own output. Values are strings or numbers we chose; anything that could hold a password (a connection
 * string, a query string) is masked before it gets here or by `redactSecrets` below.
 */

export type LogLevel = 'info' | 'warn' | 'error'
export type LogFields = Record<string, string | number | boolean | undefined>

export function formatLogLine(level: LogLevel, event: string, fields: LogFields, now = new Date()): string {
  const entry: Record<string, string | number | boolean> = { time: now.toISOString(), level, event }
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue
    entry[key] = typeof value === 'string' ? redactSecrets(value) : value
  }
  return JSON.stringify(entry)
}

export function logLine(level: LogLevel, event: string, fields: LogFields = {}): void {
  const line = formatLogLine(level, event, fields)
  if (level === 'info') console.log(line)
  else console.error(line)
}

/**
 * The path of a request as it may be logged: no query string (search words, tokens) and no secret path
 * segments (Payload's password-reset and e-mail verification links carry their token in the path).
 */
export function loggablePath(url: string): string {
  const pathname = url.split('?')[0] ?? ''
  return pathname.replace(/\/(reset|reset-password|verify)\/[^/]+/g, '/$1/***').slice(0, 300)
}
