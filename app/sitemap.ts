import type { MetadataRoute } from 'next'
import { getSitemapEntries } from '@/lib/data/sitemap'
import { env } from '@/lib/env'

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = env().siteUrl
  const entries = await getSitemapEntries()
  return entries.map((entry) => ({ url: `${origin}${entry.path}`, lastModified: entry.lastModified }))
}
