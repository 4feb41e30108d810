import type { AfterErrorHook } from 'payload'
import { describeDatabaseError } from '@/lib/database-errors'
import { noteRequestError } from '@/lib/request-context'

/**
 * The two places where an error of a request surfaces: Payload's `afterError` (REST and GraphQL) and
 * Next.js's `onRequestError` (pages, route handlers, server actions; instrumentation.ts). Both note the
 * error on the request's context, and the server writes it into that request's one log line
 * (scripts/lib/http-server.ts). Errors a client caused (4xx: validation, not found, forbidden) are the
 * client's answer, not the operator's business, and are left out.
 */

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status
  return typeof status === 'number' ? status : undefined
}

/** `Name: first line of the message`, without connection-string passwords. */
export function summariseError(error: unknown): string {
  const name = error instanceof Error ? error.name : 'Error'
  return `${name}: ${describeDatabaseError(error)}`.slice(0, 400)
}

export function noteServerError(error: unknown, digest?: string): void {
  const status = statusOf(error)
  if (status !== undefined && status < 500) return
  noteRequestError(digest ? `${summariseError(error)} (digest ${digest})` : summariseError(error))
}

export const noteApiError: AfterErrorHook = ({ error }) => {
  noteServerError(error)
}
