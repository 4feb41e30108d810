import path from 'node:path'
import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'
import { PHASE_PRODUCTION_SERVER } from 'next/constants'
import { loadSharedCacheEnv } from './lib/env'

/**
 * Security headers on every response. Scripts need 'unsafe-inline' because Next.js inlines its page data
 * in script tags; nonces would force every page to render per request and lose the page cache. Nothing is
 * loaded from other hosts except the video players, and only into frames after the reader's click.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // 'self': the admin's live preview shows the site in a frame.
  "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  // The admin's live preview frames the site on the same origin; nobody else may.
  "frame-ancestors 'self'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()',
  },
  // HSTS only where the site is served over https; on http://localhost it would be meaningless.
  ...((process.env.SITE_URL ?? '').startsWith('https://')
    ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }]
    : []),
]

const nextConfig: NextConfig = {
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
  // Tests build into their own folder so they never overwrite the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // Pages get their ETag from our server instead, hashed natively (scripts/lib/page-etag.ts).
  generateEtags: false,
  // One copy of Payload for every route. Bundled, each route's chunk carries its own, and the instance
  // `getPayload` caches is made by whichever route is asked first: errors it throws are then not
  // `instanceof` the classes of the REST route's copy, and Payload answers a validation error without its
  // field messages (seen when a page was the first request after a start).
  serverExternalPackages: ['payload'],
  // `npm run typecheck` (strict, tests included) runs in CI; repeating it inside every build only adds
  // time to `npm start` and to the test set-up.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    globalNotFound: true,
  },
  // The proxy (proxy.ts) gets the request's URL as the router saw it. Normalised, its host is the
  // server's own idea of its name ("localhost"), not the router's (the -H of scripts/serve.ts), and
  // Next.js then takes a rewrite to it for another host and forwards it over HTTP to itself: a search
  // through the proxy answered at half the rate of its rewritten address.
  skipProxyUrlNormalize: true,
  images: {
    // Media is served by Payload from the same origin; nothing is fetched from other hosts.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

/**
 * Payload adds `Accept-CH`/`Critical-CH: Sec-CH-Prefers-Color-Scheme` (and `Vary`) to every path so its
 * admin can pick a colour theme on first paint. `Critical-CH` makes Chrome fetch a page twice on a first
 * visit (Lighthouse counts ~600 ms on the story page), so the public site does without it and only the
 * admin keeps it.
 */
const CLIENT_HINT_HEADERS = new Set(['accept-ch', 'critical-ch', 'vary'])

function withClientHintsOnlyInAdmin(config: NextConfig): NextConfig {
  const original = config.headers
  if (!original) return config
  return {
    ...config,
    async headers() {
      const rules = await original()
      const hints = rules.flatMap((rule) =>
        rule.headers.filter((h) => CLIENT_HINT_HEADERS.has(h.key.toLowerCase())),
      )
      return [
        ...rules.map((rule) => ({
          ...rule,
          headers: rule.headers.filter((h) => !CLIENT_HINT_HEADERS.has(h.key.toLowerCase())),
        })),
        ...(hints.length > 0 ? [{ source: '/admin/:path*', headers: hints }] : []),
      ].filter((rule) => rule.headers.length > 0)
    },
  }
}

/**
 * Every production server uses our cache handler (lib/shared-cache/handler.ts): with REDIS_URL it keeps
 * Next.js's page and data caches in Redis, shared by every instance; without, it keeps them in Next.js's own
 * file-system and memory cache, except the search's entries, which stay in memory only (there is one per
 * distinct search); with FRONT_CACHE_URL it also purges every tag expiration at the front caches. Decided
 * when the server starts, not at build time: Next.js evaluates this file again when a server starts
 * (phase-production-server) and uses that config for every route, so one build can be served with or
 * without Redis (`npm run serve` instances of an existing build). `next build` never uses it: its
 * prerendered pages stay files in the build, and a server with Redis renders its first request afresh.
 */
function siteCache(phase: string): Pick<NextConfig, 'cacheHandler'> {
  if (phase !== PHASE_PRODUCTION_SERVER) return {}
  // Read here so that a bad REDIS_URL or FRONT_CACHE_URL stops the start with its message.
  loadSharedCacheEnv()
  return { cacheHandler: path.resolve(process.cwd(), 'lib/shared-cache/handler.ts') }
}

export default function config(phase: string): NextConfig {
  return withClientHintsOnlyInAdmin(
    withPayload({ ...nextConfig, ...siteCache(phase) }, { devBundleServerPackages: false }),
  )
}
