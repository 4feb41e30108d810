import { unstable_cache } from 'next/cache'
import type { Access, CollectionSlug, Payload, Where } from 'payload'
import { anyone } from '@/access/anyone'
import { consentingOrEditor } from '@/access/consentingOrEditor'
import { publishedOrEditor } from '@/access/publishedOrEditor'
import { TAGS } from '@/lib/cache-tags'
import { PATHS, storiesPagePath } from '@/lib/paths'
import { env } from '@/lib/env'
import { payloadClient } from '@/lib/payload'
import { dialectOf, runSql, sql } from '@/lib/raw-sql'
import { STORIES_PER_PAGE } from '@/lib/data/story-cards'

export type SitemapEntry = { path: string; lastModified: string }

/**
 * URLs per sitemap file: the sitemaps.org limit is 50,000. Past it, /sitemap.xml becomes a sitemap index
 * of /sitemap/<n>.xml files. `SITEMAP_URL_LIMIT` lowers it (the tests split a small site this way).
 */
export function sitemapUrlLimit(): number {
  return env().sitemapUrlLimit
}

/**
 * What an anonymous reader may read, from the collection's own read-access predicate (called without a
 * user), so the sitemap can read through the adapter without building documents and still show only what
 * the public sees.
 */
function publicWhere(access: Access): Where {
  const answer = access({ req: { user: null } } as Parameters<Access>[0])
  if (answer === true) return {}
  if (answer === false || answer instanceof Promise)
    throw new Error('sitemap: access must be a plain predicate')
  return answer
}
const PUBLIC: Record<'articles' | 'topics' | 'interns' | 'pages', Where> = {
  articles: publicWhere(publishedOrEditor),
  topics: publicWhere(anyone),
  interns: publicWhere(consentingOrEditor),
  pages: publicWhere(publishedOrEditor),
}

type SlugRow = { slug?: string | null; updatedAt: string }

/**
 * Slug and last change only, straight from the adapter: no document is built, no hook runs (a sitemap of
 * 100,000 stories as Payload documents took most of a second). One narrow indexed query per collection.
 */
async function slugs(
  payload: Payload,
  collection: keyof typeof PUBLIC,
  range?: { limit: number; page: number },
): Promise<SlugRow[]> {
  const { docs } = await payload.db.find<SlugRow>({
    collection: collection as CollectionSlug,
    where: PUBLIC[collection],
    select: { slug: true, updatedAt: true },
    sort: collection === 'articles' ? '-publishedAt' : 'id',
    ...(range ? { limit: range.limit, page: range.page, pagination: true } : { pagination: false }),
  })
  return docs
}

const TAGS_OF_SITEMAP = [TAGS.articles, TAGS.topics, TAGS.interns, TAGS.contacts, TAGS.pages]

/** Everything but the stories' own pages: the fixed pages, list pages, topics, interns and free pages. */
async function otherEntries(payload: Payload, stories: number, newest: string): Promise<SitemapEntry[]> {
  const [topics, interns, pages] = await Promise.all([
    slugs(payload, 'topics'),
    slugs(payload, 'interns'),
    slugs(payload, 'pages'),
  ])
  const listPages = Math.max(1, Math.ceil(stories / STORIES_PER_PAGE))
  const of = (rows: SlugRow[], path: (slug: string) => string) =>
    rows.flatMap((d) => (d.slug ? [{ path: path(d.slug), lastModified: d.updatedAt }] : []))
  return [
    { path: PATHS.home, lastModified: newest },
    ...Array.from({ length: listPages }, (_, i) => ({ path: storiesPagePath(i + 1), lastModified: newest })),
    { path: PATHS.topics, lastModified: newest },
    ...of(topics, PATHS.topic),
    { path: PATHS.interns, lastModified: newest },
    ...of(interns, PATHS.intern),
    { path: PATHS.contact, lastModified: newest },
    { path: PATHS.about, lastModified: newest },
    ...of(pages, PATHS.page),
  ]
}

export type SitemapPlan = { files: number; stories: number; newest: string; others: number }

/** How many stories are public, the newest change, and so how many files the sitemap needs. */
export const getSitemapPlan = (limit = sitemapUrlLimit()): Promise<SitemapPlan> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const [{ totalDocs: stories }, newest] = await Promise.all([
        payload.db.count({ collection: 'articles', where: PUBLIC.articles }),
        newestStoryChange(payload),
      ])
      const others = (await otherEntries(payload, stories, newest)).length
      return { files: Math.max(1, Math.ceil((stories + others) / limit)), stories, newest, others }
    },
    ['sitemap-plan', String(limit)],
    { tags: TAGS_OF_SITEMAP },
  )()

/**
 * Sitemap file `file` (0-based) as XML, or null past the last one: file 0 starts with the pages other than
 * stories, then the stories, newest first, fill every file up to `limit` URLs. Each file reads only its
 * own slice.
 *
 * Not in the data cache: both sitemap routes are static, so the rendered file is kept in the full-route
 * cache, tagged through `getSitemapPlan` and expired with it. A data-cache entry of its own was either a
 * second copy (with Redis) or, past 2 MB (a file of 50,000 URLs is 6 MB), serialised twice on every render
 * only for Next.js to refuse it with a warning.
 */
export async function getSitemapFileXml(
  origin: string,
  file: number,
  limit = sitemapUrlLimit(),
): Promise<string | null> {
  const plan = await getSitemapPlan(limit)
  if (!Number.isInteger(file) || file < 0 || file >= plan.files) return null
  const payload = await payloadClient()
  // URLs [start, end) of the whole list: the other pages first, then the stories newest first.
  const start = file * limit
  const end = start + limit
  const others = await otherEntries(payload, plan.stories, plan.newest)
  const head = others.slice(start, end)
  const skip = Math.max(0, start - others.length)
  const take = end - Math.max(start, others.length)
  const rows = take > 0 ? await storySlice(payload, skip, take) : []
  return renderUrlset(origin, [
    ...head,
    ...rows.flatMap((d) => (d.slug ? [{ path: PATHS.story(d.slug), lastModified: d.updatedAt }] : [])),
  ])
}

/** /sitemap.xml: the only file itself while everything fits in one, else the index of the files. */
export async function getSitemapRootXml(origin: string, limit = sitemapUrlLimit()): Promise<string> {
  const plan = await getSitemapPlan(limit)
  if (plan.files === 1) return (await getSitemapFileXml(origin, 0, limit)) ?? renderUrlset(origin, [])
  return renderSitemapIndex(origin, plan)
}

/**
 * What the SQL below selects as public stories. It must be the stories' read access for an anonymous
 * reader, which it is checked against here, so a change to that rule stops the sitemap (and the tests)
 * rather than listing drafts.
 */
const PUBLISHED_STORIES: Where = { _status: { equals: 'published' } }
if (JSON.stringify(PUBLIC.articles) !== JSON.stringify(PUBLISHED_STORIES)) {
  throw new Error("sitemap: the stories' read access changed; update storySlice in lib/data/sitemap.ts")
}

/**
 * When a public story last changed. On SQLite by hand: asked through the adapter, SQLite's planner took the
 * `_status` index and sorted every published story by `updated_at` to find the newest (170 ms at 100,000
 * stories, also after ANALYZE), where walking the `updated_at` index from the end stops at the first
 * published one (0.2 ms). `+_status` is SQLite's way to keep a column's index out of a plan.
 */
async function newestStoryChange(payload: Payload): Promise<string> {
  const none = '1970-01-01T00:00:00.000Z'
  if (dialectOf(payload) === 'sqlite') {
    const [row] = await runSql(
      payload,
      sql`SELECT updated_at FROM articles WHERE +_status = 'published' ORDER BY updated_at DESC LIMIT 1`,
    )
    return row ? isoTime(row.updated_at) : none
  }
  const { docs } = await payload.db.find<SlugRow>({
    collection: 'articles',
    where: PUBLIC.articles,
    select: { updatedAt: true },
    sort: '-updatedAt',
    limit: 1,
    pagination: false,
  })
  return docs[0]?.updatedAt ?? none
}

/** An ISO 8601 UTC time as Payload writes it: used as it is, anything else goes through Date. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/
const isoTime = (value: unknown): string =>
  typeof value === 'string' && ISO_UTC.test(value) ? value : new Date(value as string | Date).toISOString()

/**
 * Stories `skip` .. `skip + take`, newest first, by one indexed query (`_status`, `published_at`):
 * a file of 50,000 stories through `payload.db.find` took about 750 ms at 100,000 stories, most of it
 * Payload turning rows into documents.
 * - SQLite answers with one JSON array (`json_group_array`, ordered by the aggregate's own ORDER BY),
 *   not 50,000 rows: the libsql client builds an object per row, and that took about 200 of the 300 ms
 *   the plain query took there, against 120 ms for the array and 10-50 ms to parse it.
 * - node-postgres reads rows cheaply, and gives Dates.
 * - MongoDB reads through the adapter, in pages whose size divides `skip`.
 */
async function storySlice(payload: Payload, skip: number, take: number): Promise<SlugRow[]> {
  const dialect = dialectOf(payload)
  if (dialect === 'sqlite') {
    const [result] = await runSql(
      payload,
      sql`SELECT json_group_array(json_array(slug, updated_at) ORDER BY published_at DESC, id DESC) AS stories
        FROM (SELECT slug, updated_at, published_at, id FROM articles WHERE _status = 'published'
          ORDER BY published_at DESC, id DESC LIMIT ${take} OFFSET ${skip})`,
    )
    const stories = JSON.parse(String(result?.stories ?? '[]')) as [string | null, string][]
    return stories.map(([slug, updatedAt]) => ({ slug, updatedAt: isoTime(updatedAt) }))
  }
  if (dialect === 'postgres') {
    const rows = await runSql(
      payload,
      sql`SELECT slug, updated_at FROM articles WHERE _status = 'published'
        ORDER BY published_at DESC, id DESC LIMIT ${take} OFFSET ${skip}`,
    )
    return rows.map((row) => ({
      slug: row.slug == null ? null : String(row.slug),
      updatedAt: isoTime(row.updated_at),
    }))
  }
  if (skip % take === 0) return slugs(payload, 'articles', { limit: take, page: skip / take + 1 })
  // Two pages of size `take` cover any window of `take` rows.
  const page = Math.floor(skip / take) + 1
  const [a, b] = await Promise.all([
    slugs(payload, 'articles', { limit: take, page }),
    slugs(payload, 'articles', { limit: take, page: page + 1 }),
  ])
  const from = skip - (page - 1) * take
  return [...a, ...b].slice(from, from + take)
}

const escapeXml = (text: string) =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!,
  )

function renderUrlset(origin: string, entries: SitemapEntry[]): string {
  const urls = entries.map(
    (e) =>
      `<url><loc>${escapeXml(origin + e.path)}</loc><lastmod>${escapeXml(e.lastModified)}</lastmod></url>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`
}

function renderSitemapIndex(origin: string, plan: SitemapPlan): string {
  const files = Array.from(
    { length: plan.files },
    (_, i) =>
      `<sitemap><loc>${escapeXml(`${origin}${PATHS.sitemapFile(i)}`)}</loc><lastmod>${escapeXml(plan.newest)}</lastmod></sitemap>`,
  )
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${files.join('\n')}\n</sitemapindex>\n`
}
