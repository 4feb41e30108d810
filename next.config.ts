import { withPayload } from '@payloadcms/next/withPayload'
import type { NextConfig } from 'next'

const nextConfig: NextConfig = {
  // Tests build into their own folder so they never overwrite the build `npm start` serves.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // `npm run typecheck` (strict, tests included) runs in CI; repeating it inside every build only adds
  // time to `npm start` and to the test set-up.
  typescript: { ignoreBuildErrors: true },
  reactStrictMode: true,
  experimental: {
    globalNotFound: true,
  },
  images: {
    // Media is served by Payload from the same origin; nothing is fetched from other hosts.
    localPatterns: [{ pathname: '/api/media/file/**' }],
  },
}

export default withPayload(nextConfig, { devBundleServerPackages: false })
