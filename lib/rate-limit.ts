import { Redis } from 'ioredis'
import { APIError, type PayloadRequest } from 'payload'
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
} from 'rate-limiter-flexible'
import { env } from '@/lib/env'

/**
 * Rate limits for the account endpoints, with rate-limiter-flexible: in this process's memory by default,
 * in Redis when REDIS_URL is set, so that several instances share the counts (with a memory limiter as
 * insurance while Redis cannot be reached, so an outage neither blocks logins nor lifts the limits).
 *
 * The login limits sit below the lockout (`maxLoginAttempts: 5` in collections/Users): an account takes
 * at most 4 failed logins per 15 minutes from all clients together, so a stranger gets 429 before Payload
 * would lock the account. Points are taken before the attempt (so parallel requests cannot slip through
 * between a check and a count) and given back when the login succeeds.
 */

export const LIMITS = {
  /** Failed logins from one client, whichever accounts they try (password spraying). */
  loginByClient: { points: 10, duration: 15 * 60 },
  /** Failed logins on one address, from every client; below the lockout's 5. */
  loginByAccount: { points: 4, duration: 15 * 60 },
  /** "Glemt adgangskode" from one client, and mails to one address (nobody's inbox is to be flooded). */
  forgotByClient: { points: 5, duration: 15 * 60 },
  forgotByAccount: { points: 3, duration: 60 * 60 },
  /** Tries of reset tokens from one client. */
  resetByClient: { points: 10, duration: 15 * 60 },
} as const

export type LimitName = keyof typeof LIMITS

type Limiters = Record<LimitName, RateLimiterAbstract>

/**
 * One set of limiters per process. Next.js bundles this module into several route bundles (REST, GraphQL,
 * admin); a login tried through each must count against the same numbers, so the set lives on globalThis.
 * Between processes, the counts are shared through Redis (REDIS_URL).
 */
const KEY = Symbol.for('faxe.rate-limiters')
type Holder = { [KEY]?: Limiters }

function createLimiters(): Limiters {
  const { redisUrl } = env()
  const redis = redisUrl
    ? new Redis(redisUrl, {
        // Fail fast rather than queue logins while Redis is away; the insurance limiter answers instead.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        // A Redis that accepts connections but does not answer (paused, overloaded) must not hold logins.
        commandTimeout: 500,
        lazyConnect: false,
      })
    : null
  redis?.on('error', (error: Error) => console.warn(`[rate-limit] Redis: ${error.message}`))
  const entries = Object.entries(LIMITS).map(([name, { points, duration }]) => {
    const memory = new RateLimiterMemory({ keyPrefix: `rl:${name}`, points, duration })
    const limiter = redis
      ? new RateLimiterRedis({
          storeClient: redis,
          keyPrefix: `faxe:rl:${name}`,
          points,
          duration,
          insuranceLimiter: memory,
        })
      : memory
    return [name, limiter]
  })
  return Object.fromEntries(entries) as Limiters
}

function limiters(): Limiters {
  const holder = globalThis as Holder
  holder[KEY] ??= createLimiters()
  return holder[KEY]
}

function minutes(seconds: number): string {
  const value = Math.max(1, Math.ceil(seconds / 60))
  return value === 1 ? '1 minut' : `${value} minutter`
}

/** 429 in Payload's error shape, with Retry-After on the response (REST directly, GraphQL via lib/api/graphql.ts). */
export class TooManyAttempts extends APIError<{ retryAfter: number }> {
  constructor(retryAfterSeconds: number) {
    super(
      `For mange forsøg. Vent ${minutes(retryAfterSeconds)}, og prøv så igen.`,
      429,
      { retryAfter: retryAfterSeconds },
      true,
    )
  }
}

/**
 * A spent limit: rate-limiter-flexible rejects with its RateLimiterRes, not an Error. Recognised by shape,
 * not `instanceof`: the limiters live on globalThis and were made by whichever route bundle asked first,
 * so their RateLimiterRes may be another bundle's copy of the class than this one's (seen as a 500 on
 * the fifth GraphQL login when a REST login had made the limiters).
 */
function isSpent(error: unknown): error is RateLimiterRes {
  return (
    error instanceof RateLimiterRes ||
    (typeof error === 'object' &&
      error !== null &&
      !(error instanceof Error) &&
      typeof (error as { msBeforeNext?: unknown }).msBeforeNext === 'number')
  )
}

/**
 * Takes one point from each named limit, or throws TooManyAttempts (and sets Retry-After on the answer)
 * when any of them is spent. Returns how many points each had used including this one.
 */
export async function take(
  req: PayloadRequest,
  checks: [LimitName, string][],
): Promise<Record<string, number>> {
  const used: Record<string, number> = {}
  let wait = 0
  for (const [name, key] of checks) {
    try {
      const result = await limiters()[name].consume(key)
      used[name] = result.consumedPoints
    } catch (error) {
      if (!isSpent(error)) throw error
      wait = Math.max(wait, Math.ceil(error.msBeforeNext / 1000))
    }
  }
  if (wait > 0) {
    const headers = new Headers(req.responseHeaders ?? undefined)
    headers.set('Retry-After', String(wait))
    req.responseHeaders = headers
    throw new TooManyAttempts(wait)
  }
  return used
}

/** Gives a point back (a login that succeeded was not an attempt to guess). */
export async function giveBack(name: LimitName, key: string): Promise<void> {
  await limiters()[name].reward(key, 1)
}

/** Forgets a key's count (an account that logged in or was unlocked starts afresh). */
export async function forget(name: LimitName, key: string): Promise<void> {
  await limiters()[name].delete(key)
}
