/**
 * Every cache tag and every public path, written once. `lib/data` tags what it reads with these; the
 * collection and global hooks revalidate with the same values, so a page can never be cached under a
 * name that no hook clears.
 */

export const GLOBAL_SLUGS = ['site', 'footer', 'navigation'] as const
export type GlobalSlug = (typeof GLOBAL_SLUGS)[number]

export const TAGS = {
  /** Any list of stories: home, story list and its pages, topic pages, feed, sitemap, search. */
  articles: 'articles',
  article: (slug: string) => `article:${slug}`,
  quotes: 'quotes',
  interns: 'interns',
  contacts: 'contacts',
  topics: 'topics',
  media: 'media',
  pages: 'pages',
  page: (slug: string) => `page:${slug}`,
  global: (slug: GlobalSlug) => `global:${slug}`,
  /**
   * The proxy's in-memory redirect map (see lib/redirect-map.ts). No Next.js cache entry carries it:
   * revalidating it raises the map's generation in the server process, so the next request reloads it.
   */
  redirects: 'redirects',
} as const

export const PATHS = {
  home: '/',
  stories: '/historier',
  story: (slug: string) => `/historier/${encodeURIComponent(slug)}`,
  topic: (slug: string) => `/emner/${encodeURIComponent(slug)}`,
  interns: '/praktikanter',
  intern: (slug: string) => `/praktikanter/${encodeURIComponent(slug)}`,
  contact: '/kontakt',
  about: '/om',
  search: '/soeg',
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
