import { performance } from 'node:perf_hooks'
import { gzipSync } from 'node:zlib'
import { XMLParser } from 'fast-xml-parser'

/**
 * Single-request measurements against the running server: cache-miss renders, freshness after an
 * editor's change, page weight and the sitemap's validity. Writes go through the server's REST API as a
 * logged-in editor, because only writes inside the Next.js server run the revalidation hooks.
 */

export type Editor = { baseUrl: string; token: string }

export async function login(baseUrl: string, email: string, password: string): Promise<Editor> {
  const response = await fetch(`${baseUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  })
  if (response.status !== 200) throw new Error(`editor login failed: HTTP ${response.status}`)
  const { token } = (await response.json()) as { token: string }
  return { baseUrl, token }
}

/** A REST call as the editor; throws on anything but 2xx so a failed write never passes for a slow page. */
export async function rest<T>(editor: Editor, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${editor.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `JWT ${editor.token}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`)
  return (await response.json()) as T
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export type MissResult = {
  p50Ms: number
  minMs: number
  maxMs: number
  samples: number
  cache: Record<string, number>
}

/**
 * Time to answer `url` right after its cache was invalidated, `repeats` times. Each round re-saves the
 * story unchanged through REST: its hooks expire the `articles` tag (every list, the feed, the sitemap and
 * search depend on it) and the story's own tag and path, exactly as an editor's save does.
 */
export async function cacheMiss(
  editor: Editor,
  url: string,
  story: { id: number; lead: string },
  repeats: number,
): Promise<MissResult> {
  const times: number[] = []
  const cache: Record<string, number> = {}
  for (let i = 0; i < repeats; i++) {
    await rest(editor, 'PATCH', `/api/articles/${story.id}`, { lead: story.lead })
    const started = performance.now()
    const response = await fetch(url)
    await response.arrayBuffer()
    times.push(performance.now() - started)
    if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status} after invalidation`)
    const header = response.headers.get('x-nextjs-cache') ?? 'none'
    cache[header] = (cache[header] ?? 0) + 1
  }
  return {
    p50Ms: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    samples: times.length,
    cache,
  }
}

export type FreshnessPage = { key: string; url: string }
/** Milliseconds from sending the write until the page showed it; null when it did not within the timeout. */
export type FreshnessRow = Record<string, number | null>
export type FreshnessResult = {
  publish: FreshnessRow
  update: FreshnessRow
  unpublish: FreshnessRow
  /**
   * Publishing right after a draft save, `attempts` times: per page the slowest attempt (null when one
   * timed out) and how many attempts timed out.
   */
  publishAfterDraftSave: { attempts: number; worst: FreshnessRow; timedOut: Record<string, number> }
  /** How long each write took; for the repeated publish, the slowest attempt. */
  writeMs: { publish: number; update: number; unpublish: number; publishAfterDraftSave: number }
}

const POLL_MS = 50
export const FRESHNESS_TIMEOUT_MS = 10_000

async function until(
  url: string,
  since: number,
  check: (status: number, body: string) => boolean,
): Promise<number | null> {
  while (performance.now() - since < FRESHNESS_TIMEOUT_MS) {
    const response = await fetch(url)
    const body = await response.text()
    if (check(response.status, body)) return performance.now() - since
    await new Promise((resolve) => setTimeout(resolve, POLL_MS))
  }
  return null
}

/**
 * Publishes, updates and unpublishes a new story and polls the story's page and every page in `pages`
 * (every 50 ms, all at once, from the moment the write is sent) until each reflects the change. The story
 * page is checked by its status and title; the other pages for a link to the story (publish, unpublish)
 * and for the new title (update). The search page must be one of `pages`, with a query that matches the
 * story.
 *
 * Two situations are measured. In the first, every page was read once after the story's draft was saved,
 * so the pages are cached when the change comes. In the second, the story is published right after a
 * draft save (as an editor does: save, then publish), so the pages the save expired are being re-rendered
 * for the polling readers while the publish is written. The second is a race, so it runs `raceAttempts`
 * times and keeps the worst.
 */
export async function freshness(
  editor: Editor,
  pages: FreshnessPage[],
  story: { slug: string; title: string; newTitle: string; newTitleToken: string; topicId: number },
  raceAttempts: number,
): Promise<FreshnessResult> {
  const { doc } = await rest<{ doc: { id: number } }>(editor, 'POST', '/api/articles', {
    title: story.title,
    slug: story.slug,
    lead: 'Syntetisk testhistorie til måling af, hvor hurtigt siderne viser en ændring.',
    topics: [story.topicId],
    _status: 'draft',
  })
  const link = `/historier/${story.slug}`
  const storyUrl = `${editor.baseUrl}${link}`

  async function measure(
    data: Record<string, unknown>,
    checkStory: (status: number, body: string) => boolean,
    checkPage: (body: string) => boolean,
  ): Promise<{ row: FreshnessRow; writeMs: number }> {
    const since = performance.now()
    const polls = [
      until(storyUrl, since, checkStory).then((ms) => ['story', ms] as const),
      ...pages.map((page) =>
        until(page.url, since, (_, body) => checkPage(body)).then((ms) => [page.key, ms] as const),
      ),
    ]
    // Polling starts with the write, as a reader refreshing the page would; the write itself is timed apart.
    await rest(editor, 'PATCH', `/api/articles/${doc.id}`, data)
    const writeMs = performance.now() - since
    return { row: Object.fromEntries(await Promise.all(polls)), writeMs }
  }
  const published = (status: number) => status === 200
  const listed = (body: string) => body.includes(link)
  const unpublished = (status: number) => status === 404
  const unlisted = (body: string) => !body.includes(link)

  for (const url of [storyUrl, ...pages.map((page) => page.url)]) await (await fetch(url)).arrayBuffer()
  const publish = await measure(
    { _status: 'published' },
    (status, body) => published(status) && body.includes(story.title),
    listed,
  )
  const update = await measure(
    { title: story.newTitle },
    (status, body) => published(status) && body.includes(story.newTitleToken),
    (body) => body.includes(story.newTitleToken),
  )
  const unpublish = await measure({ _status: 'draft' }, unpublished, unlisted)

  const worst: FreshnessRow = {}
  const timedOut: Record<string, number> = {}
  let raceWriteMs = 0
  for (let attempt = 1; attempt <= raceAttempts; attempt++) {
    // From the second attempt on, take the story down again first (not measured).
    if (attempt > 1) await measure({ _status: 'draft' }, unpublished, unlisted)
    await rest(editor, 'PATCH', `/api/articles/${doc.id}`, {
      lead: `En kladde, gemt lige før udgivelse ${attempt}.`,
    })
    const { row, writeMs } = await measure({ _status: 'published' }, published, listed)
    raceWriteMs = Math.max(raceWriteMs, writeMs)
    for (const [page, ms] of Object.entries(row)) {
      if (ms === null) timedOut[page] = (timedOut[page] ?? 0) + 1
      const before = worst[page]
      worst[page] = ms === null || before === null ? null : Math.max(before ?? 0, ms)
    }
  }
  return {
    publish: publish.row,
    update: update.row,
    unpublish: unpublish.row,
    publishAfterDraftSave: { attempts: raceAttempts, worst, timedOut },
    writeMs: {
      publish: publish.writeMs,
      update: update.writeMs,
      unpublish: unpublish.writeMs,
      publishAfterDraftSave: raceWriteMs,
    },
  }
}

export type PageWeight = {
  htmlBytes: number
  htmlGzipBytes: number
  scripts: number
  jsGzipBytes: number
  emptyPage: { url: string; scripts: number; jsGzipBytes: number }
  /** Gzipped bytes of the story page's script files that the empty page does not load. */
  jsBeyondEmptyGzipBytes: number
}

function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1] as string)
}

async function gzippedScripts(origin: string, sources: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>()
  for (const src of sources) {
    const response = await fetch(new URL(src, origin))
    if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`)
    sizes.set(src, gzipSync(Buffer.from(await response.arrayBuffer())).length)
  }
  return sizes
}

/**
 * The story page's weight, and what its client JavaScript costs beyond `emptyUrl`, a page of the same
 * build and layout without content (the chunks both load are the framework and the layout).
 */
export async function pageWeight(origin: string, storyHtml: string, emptyUrl: string): Promise<PageWeight> {
  const story = await gzippedScripts(origin, scriptSources(storyHtml))
  const emptyHtml = await (await fetch(emptyUrl)).text()
  const empty = await gzippedScripts(origin, scriptSources(emptyHtml))
  const sum = (sizes: Map<string, number>, keep: (src: string) => boolean = () => true) =>
    [...sizes].reduce((total, [src, bytes]) => (keep(src) ? total + bytes : total), 0)
  return {
    htmlBytes: Buffer.byteLength(storyHtml),
    htmlGzipBytes: gzipSync(storyHtml).length,
    scripts: story.size,
    jsGzipBytes: sum(story),
    emptyPage: { url: new URL(emptyUrl).pathname, scripts: empty.size, jsGzipBytes: sum(empty) },
    jsBeyondEmptyGzipBytes: sum(story, (src) => !empty.has(src)),
  }
}

export type SitemapCheck = {
  valid: boolean
  urls: number
  stories: number
  bytes: number
  /** 1 for a plain sitemap, else the number of files its sitemap index lists. */
  files: number
  problems: string[]
}

/** Limits of one sitemap file (sitemaps.org): past them, a sitemap index must split it. */
const MAX_URLS = 50_000
const MAX_BYTES = 50 * 1024 * 1024

/**
 * Checks /sitemap.xml against the sitemaps.org protocol and counts its stories. Past 50,000 URLs it is a
 * sitemap index: then every file it lists is fetched and checked, and the counts are over all of them.
 */
export async function checkSitemap(origin: string, expectedStories: number): Promise<SitemapCheck> {
  const problems: string[] = []
  const root = await fetch(`${origin}/sitemap.xml`)
  const rootXml = await root.text()
  if (root.status !== 200) problems.push(`/sitemap.xml: HTTP ${root.status}`)
  const index = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'sitemap' }).parse(
    rootXml,
  ) as {
    sitemapindex?: { '@_xmlns'?: string; sitemap?: { loc?: unknown }[] }
  }
  const fileUrls = index.sitemapindex
    ? (index.sitemapindex.sitemap ?? []).map((s) => String(s.loc ?? ''))
    : [`${origin}/sitemap.xml`]
  if (index.sitemapindex && index.sitemapindex['@_xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') {
    problems.push('the sitemap index is not a sitemaps.org <sitemapindex>')
  }
  let bytes = 0
  const locs: string[] = []
  for (const fileUrl of fileUrls) {
    if (!fileUrl.startsWith(`${origin}/`)) {
      problems.push(`a sitemap file outside ${origin}: "${fileUrl}"`)
      continue
    }
    const response = await fetch(fileUrl)
    const xml = await response.text()
    if (response.status !== 200) problems.push(`${fileUrl}: HTTP ${response.status}`)
    const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'url' }).parse(
      xml,
    ) as {
      urlset?: { '@_xmlns'?: string; url?: { loc?: unknown; lastmod?: unknown }[] }
    }
    const urls = parsed.urlset?.url ?? []
    if (parsed.urlset?.['@_xmlns'] !== 'http://www.sitemaps.org/schemas/sitemap/0.9') {
      problems.push(`${fileUrl}: the root is not a sitemaps.org <urlset>`)
    }
    if (urls.length > MAX_URLS)
      problems.push(`${fileUrl}: ${urls.length} URLs, more than ${MAX_URLS} in one file`)
    const fileBytes = Buffer.byteLength(xml)
    bytes += fileBytes
    if (fileBytes > MAX_BYTES)
      problems.push(`${fileUrl}: ${fileBytes} bytes, more than ${MAX_BYTES} in one file`)
    const badDate = urls.find((u) => u.lastmod !== undefined && Number.isNaN(Date.parse(String(u.lastmod))))
    if (badDate) problems.push(`an invalid <lastmod>: "${String(badDate.lastmod)}"`)
    locs.push(...urls.map((u) => String(u.loc ?? '')))
  }
  const badLoc = locs.find((loc) => !loc.startsWith(`${origin}/`))
  if (badLoc !== undefined) problems.push(`a <loc> outside ${origin}: "${badLoc}"`)
  if (new Set(locs).size !== locs.length) problems.push('duplicate <loc> entries')
  const stories = locs.filter((loc) => /\/historier\/(?!side\/)[^/]+$/.test(loc)).length
  if (stories !== expectedStories) problems.push(`${stories} stories listed, ${expectedStories} published`)
  return { valid: problems.length === 0, urls: locs.length, stories, bytes, problems, files: fileUrls.length }
}
