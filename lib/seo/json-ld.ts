import { PATHS } from '@/lib/cache-tags'
import type { StoryView } from '@/lib/data/types'

/**
 * JSON for a <script type="application/ld+json">. JSON.stringify leaves "<" alone, so a title containing
 * "</script>" would end the script element early; every <, > and & (and the line separators JavaScript
 * treats as newlines) is written as a \u escape instead.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

const FAXE_KOMMUNE = { '@type': 'Organization', name: 'Faxe Kommune' } as const

/** schema.org NewsArticle for a story: Faxe Kommune as author and publisher, the quoted people as Persons. */
export function storyJsonLd(story: StoryView, origin: string): Record<string, unknown> {
  const url = `${origin}${PATHS.story(story.slug)}`
  const quoted = new Map<string, Record<string, unknown>>()
  for (const quote of Object.values(story.quotes)) {
    if (!quote.speakerName) continue
    quoted.set(quote.speakerName, {
      '@type': 'Person',
      name: quote.speakerName,
      ...(quote.speakerHref ? { url: `${origin}${quote.speakerHref}` } : {}),
    })
  }
  for (const intern of story.interns) {
    quoted.set(intern.name, {
      '@type': 'Person',
      name: intern.name,
      ...(intern.role ? { jobTitle: intern.role } : {}),
      ...(intern.organisation ? { worksFor: { '@type': 'Organization', name: intern.organisation } } : {}),
      ...(intern.slug ? { url: `${origin}${PATHS.intern(intern.slug)}` } : {}),
    })
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    ...(story.lead ? { description: story.lead } : {}),
    inLanguage: 'da-DK',
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(story.publishedAt ? { datePublished: story.publishedAt } : {}),
    dateModified: story.updatedAt,
    ...(story.image ? { image: [`${origin}${story.image.url}`] } : {}),
    author: FAXE_KOMMUNE,
    publisher: FAXE_KOMMUNE,
    ...(quoted.size > 0 ? { mentions: [...quoted.values()] } : {}),
    ...(story.topics.length > 0 ? { keywords: story.topics.map((t) => t.name).join(', ') } : {}),
  }
}
