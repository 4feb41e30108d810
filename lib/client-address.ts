import { env } from '@/lib/env'

/**
 * The address of the client that sent a request, for per-client rate limits.
 *
 * Next.js puts the connection's address in `X-Forwarded-For` only when the request has no such header
 * (`??=` in next/dist/server/base-server.js), and a route handler cannot see the socket. So:
 * - behind a proxy (Varnish, nginx, a load balancer), CLIENT_IP_HEADER names the header that proxy sets:
 *   `x-forwarded-for` (the proxy appends the address it saw, so the last entry is the one to trust), or a
 *   header the proxy overwrites, such as `x-real-ip`;
 * - without it, the last `X-Forwarded-For` entry is used, which is the connection's address unless the
 *   client sent the header itself. A client can then give itself new addresses and escape the per-client
 *   limit; the per-account limit still holds. Set CLIENT_IP_HEADER in production (see README).
 */
export function clientAddress(headers: Headers): string {
  const name = env().clientIpHeader ?? 'x-forwarded-for'
  const value = headers.get(name) ?? ''
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
  const last = entries.at(-1)
  // A malformed or absent header still names one bucket rather than none, so it is limited too.
  return last && last.length <= 64 ? last.toLowerCase() : 'unknown'
}
