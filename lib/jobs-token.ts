import { createHmac, timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'

/**
 * The credential of the job scheduler (scripts/lib/job-scheduler.ts) for Payload's jobs endpoint,
 * GET /api/payload-jobs/run, which runs due jobs (scheduled publishing) inside a request so their hooks
 * revalidate after the commit like any save. Derived from PAYLOAD_SECRET, which every instance of one
 * installation shares, so there is no second secret to configure. Anyone holding it can only make due jobs
 * run now, which they would at the next tick anyway.
 */
export const JOBS_TOKEN_HEADER = 'x-faxe-jobs-token'

export function jobsToken(): string {
  return createHmac('sha256', env().payloadSecret).update('faxe:jobs-run:v1').digest('hex')
}

/** True when the request carries the scheduler's token (one value, exactly). */
export function hasJobsToken(headers: Headers): boolean {
  const given = headers.get(JOBS_TOKEN_HEADER)
  if (!given || !/^[0-9a-f]{64}$/.test(given)) return false
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(jobsToken(), 'hex'))
}
