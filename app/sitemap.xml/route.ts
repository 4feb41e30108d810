import { getSitemapRootXml } from '@/lib/data/sitemap'
import { env } from '@/lib/env'

/** The sitemap, or past 50,000 URLs the sitemap index of /sitemap/<n>.xml (lib/data/sitemap.ts). */
export async function GET(): Promise<Response> {
  return new Response(await getSitemapRootXml(env().siteUrl), {
    headers: { 'content-type': 'application/xml; charset=utf-8' },
  })
}
