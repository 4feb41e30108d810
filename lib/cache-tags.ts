/**
 * Every cache tag, written once. `lib/data` tags what it reads with these; the collection and global hooks
 * revalidate with the same values, so a page can never be cached under a name that no hook clears. The
 * public paths are in lib/paths.ts.
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
  /**
   * Not a subject but a mark: the search's own entries (its data and its result pages), one per distinct
   * search, which readers choose. The cache handler keeps them out of the disk (lib/shared-cache/handler.ts).
   * Never expired by itself; the entries also carry the tags of everything the search reads.
   */
  searchResults: 'search-results',
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
