import { PATHS } from '@/lib/paths'
import { getFeedItems } from '@/lib/data/feed'
import { getSite } from '@/lib/data/globals'
import { env } from '@/lib/env'
import { escapeHtml } from '@/lib/html'

// Built once and kept until a story changes (the data is tagged; the hooks revalidate those tags).
export const dynamic = 'force-static'

/** CDATA cannot contain "]]>"; split it across two sections. */
function cdata(text: string): string {
  return `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`
}

export async function GET(): Promise<Response> {
  const origin = env().siteUrl
  const [site, items] = await Promise.all([getSite(), getFeedItems(origin)])
  const newest = items[0]?.publishedAt
  const xml = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:atom="http://www.w3.org/2005/Atom">',
    '<channel>',
    `<title>${escapeHtml(site.name)}</title>`,
    `<link>${escapeHtml(`${origin}/`)}</link>`,
    `<atom:link href="${escapeHtml(`${origin}/feed.xml`)}" rel="self" type="application/rss+xml"/>`,
    `<description>${escapeHtml(site.description ?? site.name)}</description>`,
    '<language>da</language>',
    ...(newest ? [`<lastBuildDate>${new Date(newest).toUTCString()}</lastBuildDate>`] : []),
    ...items.map((item) => {
      const link = `${origin}${PATHS.story(item.slug)}`
      return [
        '<item>',
        `<title>${escapeHtml(item.title)}</title>`,
        `<link>${escapeHtml(link)}</link>`,
        `<guid isPermaLink="true">${escapeHtml(link)}</guid>`,
        `<pubDate>${new Date(item.publishedAt).toUTCString()}</pubDate>`,
        `<description>${escapeHtml(item.lead ?? item.title)}</description>`,
        `<content:encoded>${cdata(item.html)}</content:encoded>`,
        '</item>',
      ].join('')
    }),
    '</channel>',
    '</rss>',
  ].join('\n')
  return new Response(xml, { headers: { 'content-type': 'application/rss+xml; charset=utf-8' } })
}
