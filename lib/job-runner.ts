import { env } from '@/lib/env'
import { internalOrigin, SIGNATURE_HEADER, signBody } from '@/lib/internal-request'

/**
 * Starting the job runner at boot. Payload runs due jobs (`jobs.autoRun` in payload.config.ts) on a timer in
 * the process where it was initialised with `cron: true`; it does that itself on the first API or admin
 * request. This asks the server for it as soon as it listens, through POST /api/internal/job-runner, so a
 * scheduled story goes out on time after a restart even if nobody visits the admin.
 *
 * Why a request to ourselves rather than initialising Payload right here: this file is loaded from
 * instrumentation.ts, which Next.js bundles apart from the routes. Importing the Payload config here would
 * create the Payload instance from a second copy of Payload's modules, and errors thrown by that copy are
 * no longer recognised by the routes' copy (`instanceof`): the API would answer "An unknown error occurred"
 * instead of the field errors and the Danish upload messages.
 */
const FIRST_TRY_MS = 500
const RETRY_MS = 5_000

async function requestStart(): Promise<boolean> {
  const body = JSON.stringify({ issuedAt: Date.now() })
  try {
    const response = await fetch(`${internalOrigin()}/api/internal/job-runner`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signBody(body) },
      body,
      signal: AbortSignal.timeout(30_000),
    })
    return response.ok
  } catch {
    // Not listening yet, or the database is not reachable yet: try again.
    return false
  }
}

export function startJobRunnerWhenListening(): void {
  if (!env().jobsAutoRun) return
  const attempt = async (tries: number): Promise<void> => {
    if (await requestStart()) return
    if (tries === 20) console.error('[jobs] the job runner has not started yet; still trying every 5 s')
    setTimeout(() => void attempt(tries + 1), RETRY_MS).unref()
  }
  setTimeout(() => void attempt(1), FIRST_TRY_MS).unref()
}
