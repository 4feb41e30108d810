/**
 * Runs once when the Next.js server starts (`next start`, scripts/serve.ts, `npm run dev`): notes that this
 * database is being served, so that `npm run restore` refuses to replace it underneath a running site.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this file too; there is nothing to run while building.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  // So that `npm run restore` can tell that this database is being served (lib/serving-marker.ts).
  const [{ env }, { markServing }] = await Promise.all([import('@/lib/env'), import('@/lib/serving-marker')])
  markServing(env().database)
}

/**
 * Next.js calls this for every error of a page, route handler or server action. The error is noted on the
 * request's context (lib/request-context.ts), and the server writes it into that request's one log line
 * with the request id (scripts/lib/http-server.ts).
 */
export async function onRequestError(error: unknown, _request: unknown, _context: unknown): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  const { noteServerError } = await import('@/lib/request-errors')
  const digest = (error as { digest?: unknown } | null)?.digest
  noteServerError(error, typeof digest === 'string' ? digest : undefined)
}
