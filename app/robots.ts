import type { MetadataRoute } from 'next'
import { PATHS } from '@/lib/paths'
import { env } from '@/lib/env'

export default function robots(): MetadataRoute.Robots {
  const origin = env().siteUrl
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: [PATHS.admin, '/api/'] }],
    sitemap: `${origin}/sitemap.xml`,
  }
}
