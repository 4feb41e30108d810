import { z } from 'zod'
import { getSitemapFileXml } from '@/lib/data/sitemap'
import { env } from '@/lib/env'

const fileName = z.string().regex(/^(0|[1-9]\d{0,3})\.xml$/)

// Kept in Next.js's full-route cache like /sitemap.xml, and expired by the same tags (the data cache
// calls inside record them on the route). Without it every request rendered the file again: the data
// cache keeps no entry over 2 MB, and a file of 50,000 URLs is about 5 MB, so at 100,000 stories
// `/sitemap/0.xml` answered 1 request a second under load.
export const dynamic = 'force-static'
export const generateStaticParams = (): { file: string }[] => []

/** One file of a split sitemap, `/sitemap/<n>.xml` from 0; anything else is not found. */
export async function GET(
  _request: Request,
  { params }: { params: Promise<{ file: string }> },
): Promise<Response> {
  const parsed = fileName.safeParse((await params).file)
  const xml = parsed.success ? await getSitemapFileXml(env().siteUrl, Number.parseInt(parsed.data, 10)) : null
  if (xml === null) {
    return new Response('Sitemap-filen findes ikke.', {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    })
  }
  return new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })
}
