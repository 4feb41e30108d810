/**
 * Every public path of the site, written once: pages link with these, `lib/data` builds feed and sitemap
 * URLs with them, and the hooks revalidate the same paths (with the tags of lib/cache-tags.ts).
 */

export const PATHS = {
  home: '/',
  stories: '/historier',
  story: (slug: string) => `/historier/${encodeURIComponent(slug)}`,
  topics: '/emner',
  topic: (slug: string) => `/emner/${encodeURIComponent(slug)}`,
  interns: '/praktikanter',
  intern: (slug: string) => `/praktikanter/${encodeURIComponent(slug)}`,
  contact: '/kontakt',
  about: '/om',
  search: '/soeg',
  /**
   * Where a search is rendered and cached: proxy.ts rewrites `/soeg?q=…&side=…` here (lib/search.ts builds
   * the segments). Readers never see it.
   */
  searchResults: (query: string, page: number) => `/soeg/resultat/${query}/${page}`,
  sitemap: '/sitemap.xml',
  /** One file of a sitemap split by lib/data/sitemap.ts (past 50,000 URLs), numbered from 0. */
  sitemapFile: (file: number) => `/sitemap/${file}.xml`,
  admin: '/admin',
  page: (slug: string) => `/${encodeURIComponent(slug)}`,
} as const

/** First path segments the site's own routes use; a free page may not take one of them. */
export const RESERVED_PAGE_SLUGS: readonly string[] = [
  'historier',
  'emner',
  'praktikanter',
  'kontakt',
  'om',
  'soeg',
  'admin',
  'api',
  'feed-xml',
  'sitemap-xml',
  'sitemap',
  'robots-txt',
  'next',
  '_next',
]

/** `/historier` for the first page, `/historier/side/<n>` after it. */
export function storiesPagePath(page: number): string {
  return page <= 1 ? PATHS.stories : `${PATHS.stories}/side/${page}`
}

/** `/emner/<slug>` for the first page, `/emner/<slug>/side/<n>` after it. */
export function topicPagePath(slug: string, page: number): string {
  return page <= 1 ? PATHS.topic(slug) : `${PATHS.topic(slug)}/side/${page}`
}
