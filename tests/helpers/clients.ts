import { randomBytes } from 'node:crypto'

/**
 * A client address of its own for each call (IPv6 documentation range, never routed). The test server
 * trusts `X-Forwarded-For` as the client address (CLIENT_IP_HEADER in global-setup.ts), so a test can
 * act as a stranger on one address and as the account's owner on another, and the login rate limits of
 * one test never spill into the next.
 */
let counter = 0
const prefix = randomBytes(2).toString('hex')

export function newClientAddress(): string {
  counter += 1
  return `2001:db8:${prefix}::${counter.toString(16)}`
}

export function fromClient(address: string, headers: Record<string, string> = {}): Record<string, string> {
  return { ...headers, 'x-forwarded-for': address }
}
