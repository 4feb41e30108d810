/**
 * Which errors mean "the database cannot answer right now" (a 503: try again later) rather than "this
 * request is wrong" or "our code is wrong" (a 500). Used by the database adapter wrapper (lib/database.ts),
 * which marks the request, and by the server (scripts/lib/http-server.ts), which answers such a request
 * with the Danish 503 instead of Next.js's or Payload's 500.
 *
 * Errors reach us wrapped (Drizzle's DrizzleQueryError keeps the driver's error as `cause`; Node's
 * AggregateError lists one error per address tried; Payload's postgres adapter rethrows a connect failure
 * as a plain Error with the driver's message inside), so the whole chain is examined.
 */

/** Node's network errors for a server that is down, unreachable or went away mid-query. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
])

/**
 * PostgreSQL SQLSTATEs of a server that is shutting down, starting up or full
 * (https://www.postgresql.org/docs/current/errcodes-appendix.html): class 08 (connection exception),
 * 57P01-57P03 (admin/crash shutdown, cannot connect now), 53300 (too many connections).
 */
const POSTGRES_UNAVAILABLE = /^(08\w{3}|57P0[1-3]|53300)$/

/** SQLite's "another connection holds the lock" codes (https://www.sqlite.org/rescode.html#busy). */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED)(_\w+)?$/

/** MongoDB driver errors of a server that cannot be reached. */
const MONGO_UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
])

/**
 * Messages of errors that carry no code: node-postgres's own ("Connection terminated unexpectedly",
 * "timeout exceeded when trying to connect", "Client has encountered a connection error and is not
 * queryable") and Payload's rethrown connect failure ("cannot connect to Postgres: connect ECONNREFUSED …").
 */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|connection error and is not queryable|cannot connect to Postgres|ECONNREFUSED|SQLITE_BUSY|SQLITE_LOCKED|database is locked/i

type ErrorLike = { code?: unknown; name?: unknown; message?: unknown; cause?: unknown; errors?: unknown }

/** The error, its causes and the members of aggregate errors, breadth first, at most 20. */
function chain(error: unknown): ErrorLike[] {
  const seen: ErrorLike[] = []
  const queue: unknown[] = [error]
  while (queue.length > 0 && seen.length < 20) {
    const next = queue.shift()
    if (!next || typeof next !== 'object' || seen.includes(next as ErrorLike)) continue
    const item = next as ErrorLike
    seen.push(item)
    queue.push(item.cause)
    if (Array.isArray(item.errors)) queue.push(...item.errors)
  }
  return seen
}

function unavailableItem(item: ErrorLike): boolean {
  const code = typeof item.code === 'string' ? item.code : ''
  const name = typeof item.name === 'string' ? item.name : ''
  const message = typeof item.message === 'string' ? item.message : ''
  return (
    NETWORK_CODES.has(code) ||
    POSTGRES_UNAVAILABLE.test(code) ||
    SQLITE_UNAVAILABLE.test(code) ||
    MONGO_UNAVAILABLE.has(name) ||
    UNAVAILABLE_MESSAGE.test(message)
  )
}

/** Whether `error` (or one of its causes) is SQLite's "locked by another connection". */
export function isSqliteBusy(error: unknown): boolean {
  return chain(error).some((item) => typeof item.code === 'string' && SQLITE_UNAVAILABLE.test(item.code))
}

/** Whether `error` means the database is down, unreachable, restarting or locked by someone else. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return chain(error).some(unavailableItem)
}

/**
 * One line for the log: the innermost code and message that say why, with any password in a connection
 * string masked. Never the SQL or its parameters (they can hold what a reader typed, or a password hash).
 */
export function describeDatabaseError(error: unknown): string {
  const items = chain(error)
  const cause = items.find(unavailableItem) ?? items[0]
  if (!cause) return String(error)
  const code = typeof cause.code === 'string' ? `${cause.code}: ` : ''
  const message = typeof cause.message === 'string' ? cause.message : String(cause)
  return redactSecrets(`${code}${firstLine(message)}`)
}

function firstLine(text: string): string {
  const line = text.split('\n')[0] ?? ''
  // Drizzle's messages start with "Failed query: <sql>"; the SQL is no use to the operator here.
  return line.startsWith('Failed query:') ? 'Failed query' : line.slice(0, 300)
}

/** Masks the password of `scheme://user:password@host` and `password=…` pairs. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\/\/([^:/@\s]+):([^@\s]+)@/g, '//$1:***@')
    .replace(/(password|passwd|secret|token)=([^&\s]+)/gi, '$1=***')
}
