import { AsyncLocalStorage } from 'node:async_hooks'

/**
 * What the server knows about the request being answered: its id (for the log and the `X-Request-Id`
 * header) and whether the database failed to answer it. The HTTP server (scripts/lib/http-server.ts) runs
 * every request inside this context; the database adapter (lib/database.ts) marks it when a query fails
 * because the database is unavailable, and the server then answers 503 instead of Next.js's 500.
 *
 * Why the storage lives on `globalThis` under a registered symbol: the server and Next.js's server bundles
 * load their own copies of this module, and an AsyncLocalStorage only sees what was `run` through the same
 * instance. It is one process's per-request context, never state shared between requests (Next.js hands
 * its own request storage to its bundles the same way).
 */

export type RequestContext = {
  requestId: string
  /** Set by the database adapter: the first database failure that means "try again later". */
  databaseUnavailable?: string
  /** Set by the error hooks: the first error this request raised, one line, for the server's log line. */
  error?: string
  /** Cache revalidations the request's writes asked for, applied once they committed (lib/revalidate.ts). */
  revalidations?: PendingRevalidation[]
}

export type PendingRevalidation = { tags: string[]; paths: string[]; applied: boolean }

const KEY = Symbol.for('faxe.request-context')
const STATE_KEY = Symbol.for('faxe.database-state')

type DatabaseState = { unavailableSince?: number }
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext>; [STATE_KEY]?: DatabaseState }

function storage(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as Holder
  holder[KEY] ??= new AsyncLocalStorage<RequestContext>()
  return holder[KEY]
}

/**
 * Whether this process's last database call failed for unavailability, and since when. Next.js answers
 * concurrent requests for the same uncached page from one render, so only the request that rendered is
 * marked; the others see the 500 too and are recognised by this (lib/database.ts keeps it current: set on
 * such a failure, cleared by any call that succeeds).
 */
function databaseState(): DatabaseState {
  const holder = globalThis as Holder
  holder[STATE_KEY] ??= {}
  return holder[STATE_KEY]
}

export function databaseUnavailableSince(): number | undefined {
  return databaseState().unavailableSince
}

export function noteDatabaseAnswered(): void {
  const state = databaseState()
  if (state.unavailableSince !== undefined) state.unavailableSince = undefined
}

export function runInRequestContext<T>(context: RequestContext, run: () => T): T {
  return storage().run(context, run)
}

/** The context of the request being answered, or undefined outside one (a job, a script, the build). */
export function currentRequest(): RequestContext | undefined {
  return storage().getStore()
}

/** Request ids we accept from a proxy in front: short, and nothing that could forge a log line. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{8,64}$/
export const REQUEST_ID_HEADER = 'x-request-id'

export function noteDatabaseUnavailable(description: string): void {
  const state = databaseState()
  state.unavailableSince ??= Date.now()
  const context = currentRequest()
  if (context && !context.databaseUnavailable) context.databaseUnavailable = description
}

export function noteRequestError(description: string): void {
  const context = currentRequest()
  if (context && !context.error) context.error = description
}
