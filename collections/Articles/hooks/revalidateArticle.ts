import type { Article } from '@/payload-types'
import { TAGS } from '@/lib/cache-tags'
import { PATHS } from '@/lib/paths'

/**
 * What to refresh when a story changes: the lists (home, story pages, topics, feed, sitemap, search) and
 * the story's own page, plus the old page when the story was unpublished or its slug changed.
 */
export function articleTargets(doc: Article, previousDoc?: Article): { tags: string[]; paths: string[] } {
  const tags: string[] = [TAGS.articles]
  const paths: string[] = []
  for (const version of [doc, previousDoc]) {
    if (!version?.slug) continue
    tags.push(TAGS.article(version.slug))
    paths.push(PATHS.story(version.slug))
  }
  return { tags, paths }
}
