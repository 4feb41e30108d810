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
  /** Redirect rules, looked up by pages that have nothing at an address (lib/data/redirects.ts). */
  redirects: 'redirects',
} as const

/**
 * Every tag that is not about one document: refreshing these refreshes every cached page and data entry
 * (each also carries the tag of its collection). Expired by every starting server (scripts/lib/startup-expiry.ts).
 */
export const ALL_COLLECTION_TAGS: readonly string[] = [
  TAGS.articles,
  TAGS.quotes,
  TAGS.interns,
  TAGS.contacts,
  TAGS.topics,
  TAGS.media,
  TAGS.pages,
  TAGS.redirects,
  ...GLOBAL_SLUGS.map((slug) => TAGS.global(slug)),
]

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
