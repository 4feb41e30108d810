/**
 * What one REST or GraphQL read may ask for. Payload on its own accepts `limit=0`, `pagination=false` and
 * any `depth` (silently capped), so a single anonymous request could ask for every document with every
 * relation expanded. These bounds turn such requests into a 400 that says what is allowed.
 */
export const API_LIMITS = {
  defaultLimit: 10,
  maxLimit: 100,
  defaultDepth: 1,
  maxDepth: 3,
  /** Deep pages cost an OFFSET scan; nobody browses 10,000 pages of 100 stories. */
  maxPage: 10_000,
  /**
   * GraphQL: documents one request may ask for across all its list queries (aliases and fragments
   * counted once per appearance; a list without `limit` counts its default page of 10), and aliases.
   */
  maxDocumentsPerRequest: 200,
  maxAliases: 20,
} as const

/** Anonymous reads may be kept briefly by browsers and CDNs; anything sent with credentials may not. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=30, stale-while-revalidate=60'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** The integer parameters of a list read and the values they may take, for REST and GraphQL alike. */
const RANGES = {
  limit: [1, API_LIMITS.maxLimit],
  page: [1, API_LIMITS.maxPage],
  depth: [0, API_LIMITS.maxDepth],
} as const

/** Danish messages: the people who read them build the municipality's other systems. */
export function outOfRange(name: keyof typeof RANGES, value: number): string | null {
  const [min, max] = RANGES[name]
  if (Number.isInteger(value) && value >= min && value <= max) return null
  return `${name} skal være et heltal fra ${min} til ${max} (fik ${value}).`
}

export const NO_UNPAGINATED = `pagination=false er ikke tilladt: hent højst ${API_LIMITS.maxLimit} ad gangen med limit og page.`
