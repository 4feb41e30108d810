import { Redis } from 'ioredis'
import { JOBS_TOKEN_HEADER, jobsToken } from '@/lib/jobs-token'
import { logLine } from '@/lib/log'

/**
 * Runs due jobs (scheduled publishing) every TICK_MS by calling Payload's jobs endpoint on this server,
 * GET /api/payload-jobs/run, the way a system cron would. The jobs then run inside a request of Next.js's
 * own, so the hooks of the documents they publish revalidate after the commit like an editor's save
 * (lib/revalidate.ts); Payload's own timer (`jobs.autoRun`) would run them where no cache can be refreshed.
 *
 * Exactly once across instances: each tick has a number (the time divided by TICK_MS), and only the instance
 * that takes that tick's lock in Redis (`SET … NX`) calls the endpoint; the others skip it. There is nothing
 * to set per instance. Without REDIS_URL there is one instance (several need Redis for the shared cache
 * anyway, see README "Production"), so it takes every tick. While Redis cannot be reached, every instance
 * runs the tick rather than none: a scheduled story must go out on time, and Payload marks the jobs it
 * takes as processing first, so two instances taking the same job needs them to meet within milliseconds.
 */

export const TICK_MS = 10_000
/** Longer than any run of due jobs takes; a lock is never released early, the next tick has its own. */
const LOCK_MS = 60_000
const RUN_TIMEOUT_MS = 120_000

export type JobScheduler = { stop: () => void; tick: () => Promise<TickOutcome> }
export type TickOutcome = 'ran' | 'skipped' | 'failed'

export function tickNumber(now: number): number {
  return Math.floor(now / TICK_MS)
}

export function lockKey(prefix: string, tick: number): string {
  return `${prefix}:jobs:tick:${tick}`
}

/**
 * Whether this instance runs `tick`: true when it took the lock, or when there is no Redis to ask.
 * Exported for the tests.
 */
export async function takeTick(redis: Redis | null, prefix: string, tick: number): Promise<boolean> {
  if (!redis) return true
  try {
    const taken = await redis.set(lockKey(prefix, tick), String(process.pid), 'PX', LOCK_MS, 'NX')
    return taken === 'OK'
  } catch (error) {
    logLine('warn', 'job-tick', {
      tick,
      outcome: 'lock-unavailable',
      cause: error instanceof Error ? error.message : String(error),
    })
    return true
  }
}

export function startJobScheduler({
  origin,
  redisUrl,
  keyPrefix = 'faxe',
}: {
  /** This server, e.g. http://127.0.0.1:3000 */
  origin: string
  redisUrl?: string
  keyPrefix?: string
}): JobScheduler {
  const redis = redisUrl
    ? new Redis(redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, commandTimeout: 2_000 })
    : null
  // ioredis reconnects by itself; one line per failure is enough (the tick logs what it did instead).
  redis?.on('error', () => undefined)
  let running = false

  const tick = async (): Promise<TickOutcome> => {
    // A run that takes longer than a tick is not overlapped by this instance's next one.
    if (running) return 'skipped'
    const number = tickNumber(Date.now())
    if (!(await takeTick(redis, keyPrefix, number))) return 'skipped'
    running = true
    const started = performance.now()
    try {
      const response = await fetch(`${origin}/api/payload-jobs/run?limit=10`, {
        headers: { [JOBS_TOKEN_HEADER]: jobsToken() },
        signal: AbortSignal.timeout(RUN_TIMEOUT_MS),
      })
      const body = (await response.json().catch(() => ({}))) as { noJobsRemaining?: boolean }
      if (!response.ok) throw new Error(`the jobs endpoint answered ${response.status}`)
      // Idle ticks are not logged: six lines a minute that say nothing.
      if (body.noJobsRemaining === false || performance.now() - started > 1_000) {
        logLine('info', 'job-tick', {
          tick: number,
          outcome: 'ran',
          ms: Math.round(performance.now() - started),
        })
      }
      return 'ran'
    } catch (error) {
      logLine('error', 'job-tick', {
        tick: number,
        outcome: 'failed',
        ms: Math.round(performance.now() - started),
        cause: error instanceof Error ? error.message : String(error),
      })
      return 'failed'
    } finally {
      running = false
    }
  }

  const timer = setInterval(() => void tick(), TICK_MS)
  timer.unref()
  return {
    tick,
    stop: () => {
      clearInterval(timer)
      redis?.disconnect()
    },
  }
}
