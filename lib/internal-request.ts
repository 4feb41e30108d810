import { createHmac, timingSafeEqual } from 'node:crypto'
import { env } from '@/lib/env'

/**
 * Requests from the app to its own server over the loopback interface (cache revalidation from outside a
 * request, see lib/revalidate.ts). They are signed with a key derived from PAYLOAD_SECRET, which every
 * process of one installation shares, and carry their time so a captured request cannot be replayed later.
 */

export const SIGNATURE_HEADER = 'x-faxe-signature'
const MAX_AGE_MS = 60_000

/** This server, as seen from the same machine. `next start` sets PORT to the port it listens on. */
export function internalOrigin(): string {
  return `http://127.0.0.1:${process.env.PORT || env().port}`
}

function signingKey(): Buffer {
  return createHmac('sha256', env().payloadSecret).update('faxe:internal-request:v1').digest()
}

export function signBody(body: string): string {
  return createHmac('sha256', signingKey()).update(body).digest('hex')
}

/** True when `signature` is this installation's signature of `body`. */
export function hasValidSignature(body: string, signature: string | null): boolean {
  if (!signature || !/^[0-9a-f]{64}$/.test(signature)) return false
  return timingSafeEqual(Buffer.from(signBody(body), 'hex'), Buffer.from(signature, 'hex'))
}

/** `issuedAt` (ms since the epoch) is recent enough, allowing for a little clock skew. */
export function isFresh(issuedAt: number, now = Date.now()): boolean {
  return issuedAt <= now + 5_000 && now - issuedAt <= MAX_AGE_MS
}
