import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { get } from '../helpers/http'
import { testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { lacks, skipWithout } from '../helpers/database'

/**
 * What the editor publishes shows on every page that lists it, through on-demand revalidation, against
 * the running production build. Writes go through REST as a logged-in editor (as the admin does), so the
 * server's own hooks clear the cache. Pages are read first, so each check starts from a cached page.
 *
 * How long each page took is printed for the record; the < 1 s target is measured by `npm run bench`, not
 * asserted here (a timing assertion on a shared 2-core machine would be flaky). A page that does not
 * change within 10 s fails.
 */

const TOPIC = 'innovationspraktik'
const WORD = `friskhedsprove${Date.now().toString(36)}`

let payload: Payload
let token: string
let topicId: DefaultDocumentIDType
let storyId: DefaultDocumentIDType
let slug: string
/** When the last write returned: each page's time is counted from here. */
let saved = 0

// The search page too, except where the MongoDB test server cannot search at all (its `$text` gap, named in
// tests/helpers/database.ts); tests/int/search.int.test.ts follows the same writes through the index.
const LIST_PAGES = [
  '/',
  '/historier',
  `/emner/${TOPIC}`,
  '/feed.xml',
  ...(lacks('$text') ? [] : [`/soeg?q=${WORD}`]),
]

async function body(pathname: string): Promise<{ status: number; text: string }> {
  const response = await get(pathname, { headers: { 'cache-control': 'no-cache' } })
  // Tags removed: search results mark the matched word, `Frisk historie <mark>…</mark>`.
  return { status: response.status, text: (await response.text()).replace(/<[^>]+>/g, '') }
}

/** Polls every 50 ms until `check` holds; returns the milliseconds since the last save returned. */
async function until(
  pathname: string,
  check: (page: { status: number; text: string }) => boolean,
): Promise<number> {
  await vi.waitFor(
    async () => {
      if (!check(await body(pathname))) throw new Error(`${pathname} did not change within 10 s`)
    },
    { timeout: 10_000, interval: 50 },
  )
  return Math.round(performance.now() - saved)
}

/**
 * The whole sitemap as one text: /sitemap.xml, and past its limit (10 URLs on the test server) every file
 * its index lists. Those files are kept in the full-route cache, so they must be expired by a change too.
 */
async function sitemapText(): Promise<string> {
  const root = await body('/sitemap.xml')
  const files = [...root.text.matchAll(/https?:\/\/[^\s<]+\/sitemap\/\d+\.xml/g)].map(
    (m) => new URL(m[0]).pathname,
  )
  if (files.length === 0) return root.text
  const texts = await Promise.all(files.map(async (file) => (await get(file)).text()))
  return texts.join('\n')
}

async function untilSitemap(check: (xml: string) => boolean): Promise<number> {
  await vi.waitFor(
    async () => {
      if (!check(await sitemapText())) throw new Error('the sitemap did not change within 10 s')
    },
    { timeout: 10_000, interval: 50 },
  )
  return Math.round(performance.now() - saved)
}

async function write(
  method: 'POST' | 'PATCH' | 'DELETE',
  pathname: string,
  data?: unknown,
): Promise<unknown> {
  const response = await get(
    pathname,
    authed(token, { method, body: data ? JSON.stringify(data) : undefined }),
  )
  const json = (await response.json()) as { doc?: unknown }
  expect(response.status, JSON.stringify(json)).toBeLessThan(300)
  saved = performance.now()
  return json.doc
}

async function warm(paths: string[]): Promise<void> {
  for (const p of paths) await body(p)
}

const timings: Record<string, Record<string, number>> = {}

beforeAll(async () => {
  payload = await testPayload()
  token = (await restLogin(payload, 'editor')).token
  const topics = await payload.find({ collection: 'topics', where: { slug: { equals: TOPIC } }, limit: 1 })
  topicId = topics.docs[0]!.id
})

afterAll(() => {
  console.log(
    `[freshness] ms from the save returning until each page showed it (pages checked one after another): ${JSON.stringify(timings)}`,
  )
})

describe('publish, update, unpublish and delete show everywhere', () => {
  it('a published story appears on its page, the home page, the list, its topic, the feed, search and the sitemap', async () => {
    await warm(LIST_PAGES)
    await sitemapText()
    const doc = (await write('POST', '/api/articles', {
      title: `Frisk historie ${WORD}`,
      lead: `En historie om ${WORD}.`,
      topics: [topicId],
      _status: 'published',
    })) as { id: DefaultDocumentIDType; slug: string }
    storyId = doc.id
    slug = doc.slug
    timings.publish = {}
    for (const p of [`/historier/${slug}`, ...LIST_PAGES]) {
      timings.publish[p] = await until(
        p,
        (page) => page.status === 200 && page.text.includes(`Frisk historie ${WORD}`),
      )
    }
    timings.publish['sitemap'] = await untilSitemap((xml) => xml.includes(`/historier/${slug}<`))
  })

  it('serves the pages from the cache between changes', async () => {
    for (const p of [`/historier/${slug}`, '/historier', `/emner/${TOPIC}`]) {
      await get(p)
      const again = await get(p)
      expect(again.headers.get('x-nextjs-cache'), p).toBe('HIT')
    }
  })

  it("leaves the cached pages alone while the editor's drafts autosave", async () => {
    const lists = ['/', '/historier', `/emner/${TOPIC}`]
    await warm(lists)
    for (const p of lists) expect((await get(p)).headers.get('x-nextjs-cache'), p).toBe('HIT')
    // A new draft and its autosaves change nothing the public sees (lib/revalidate.ts).
    const draft = (await write('POST', '/api/articles?draft=true', {
      title: `Kladde ${WORD}`,
      topics: [topicId],
    })) as { id: DefaultDocumentIDType }
    await write('PATCH', `/api/articles/${draft.id}?draft=true&autosave=true`, { title: `Kladde 2 ${WORD}` })
    for (const p of lists) expect((await get(p)).headers.get('x-nextjs-cache'), p).toBe('HIT')
    await write('DELETE', `/api/articles?where[id][equals]=${draft.id}`)
  })

  it('an update shows everywhere, and the old title is gone', async () => {
    await warm([`/historier/${slug}`, ...LIST_PAGES])
    await write('PATCH', `/api/articles/${storyId}`, { title: `Opdateret historie ${WORD}` })
    timings.update = {}
    for (const p of [`/historier/${slug}`, ...LIST_PAGES]) {
      timings.update[p] = await until(
        p,
        (page) =>
          page.text.includes(`Opdateret historie ${WORD}`) && !page.text.includes(`Frisk historie ${WORD}`),
      )
    }
  })

  it('unpublishing takes the story off every page', async () => {
    await warm([`/historier/${slug}`, ...LIST_PAGES])
    expect(await sitemapText()).toContain(`/historier/${slug}<`)
    await write('PATCH', `/api/articles/${storyId}`, { _status: 'draft' })
    timings.unpublish = {}
    timings.unpublish['sitemap'] = await untilSitemap((xml) => !xml.includes(`/historier/${slug}<`))
    timings.unpublish[`/historier/${slug}`] = await until(`/historier/${slug}`, (page) => page.status === 404)
    for (const p of LIST_PAGES) {
      timings.unpublish[p] = await until(p, (page) => !page.text.includes(`historie ${WORD}`))
    }
  })

  it('publishing again and deleting removes it everywhere', async (ctx) => {
    await write('PATCH', `/api/articles/${storyId}`, { _status: 'published' })
    await until(`/historier/${slug}`, (page) => page.status === 200)
    await warm(LIST_PAGES)
    skipWithout(ctx, 'findAndModify remove')
    await write('DELETE', `/api/articles/${storyId}`)
    timings.delete = {}
    timings.delete[`/historier/${slug}`] = await until(`/historier/${slug}`, (page) => page.status === 404)
    for (const p of LIST_PAGES)
      timings.delete[p] = await until(p, (page) => !page.text.includes(`historie ${WORD}`))
  })
})

describe('changes to related content reach the pages that show it', () => {
  const STORY = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

  /** Changes a document through REST, waits until every page shows it, then puts the old value back. */
  async function roundTrip(
    label: string,
    pathname: string,
    change: Record<string, unknown>,
    restore: Record<string, unknown>,
    expected: string,
    pages: string[],
    authToken = token,
  ): Promise<void> {
    await warm(pages)
    const send = async (data: Record<string, unknown>) => {
      const response = await get(
        pathname,
        authed(authToken, {
          method: pathname.includes('/globals/') ? 'POST' : 'PATCH',
          body: JSON.stringify(data),
        }),
      )
      expect(response.status, await response.text()).toBe(200)
      saved = performance.now()
    }
    await send(change)
    timings[label] = {}
    for (const p of pages) timings[label][p] = await until(p, (page) => page.text.includes(expected))
    await send(restore)
  }

  it('a quote', async () => {
    const story = await payload.find({
      collection: 'articles',
      where: { slug: { equals: STORY.split('/').pop()! } },
      limit: 1,
    })
    const quoteId = story.docs[0]!.featuredQuote as number | { id: DefaultDocumentIDType }
    const id = typeof quoteId === 'object' ? quoteId.id : quoteId
    const quote = await payload.findByID({ collection: 'quotes', id })
    await roundTrip(
      'quote',
      `/api/quotes/${id}`,
      { text: `Et rettet citat ${WORD}` },
      { text: quote.text },
      `Et rettet citat ${WORD}`,
      [STORY, '/'],
    )
  })

  it('an intern', async () => {
    const { docs } = await payload.find({
      collection: 'interns',
      where: { slug: { equals: 'charlotte-aakerstroem' } },
      limit: 1,
    })
    const intern = docs[0]!
    await roundTrip(
      'intern',
      `/api/interns/${intern.id}`,
      { role: `Rettet stilling ${WORD}` },
      { role: intern.role },
      `Rettet stilling ${WORD}`,
      ['/praktikanter', '/praktikanter/charlotte-aakerstroem'],
    )
  })

  it('a contact', async () => {
    const { docs } = await payload.find({ collection: 'contacts', limit: 1 })
    const contact = docs[0]!
    await roundTrip(
      'contact',
      `/api/contacts/${contact.id}`,
      // Lower case: the story's contact box writes the title in lower case ("Kontakt X, procesleder").
      { title: `rettet titel ${WORD}` },
      { title: contact.title },
      `rettet titel ${WORD}`,
      ['/kontakt', STORY],
    )
  })

  it('a topic', async () => {
    const topic = await payload.findByID({ collection: 'topics', id: topicId })
    await roundTrip(
      'topic',
      `/api/topics/${topicId}`,
      { description: `Rettet beskrivelse ${WORD}` },
      { description: topic.description },
      `Rettet beskrivelse ${WORD}`,
      [`/emner/${TOPIC}`],
    )
  })

  it('a global (the site settings, administrators only)', async () => {
    const admin = await restLogin(payload, 'admin')
    const site = await payload.findGlobal({ slug: 'site' })
    await roundTrip(
      'site',
      '/api/globals/site',
      { vision: { ...site.vision, motto: `Rettet motto ${WORD}` } },
      { vision: site.vision },
      `Rettet motto ${WORD}`,
      ['/', STORY],
      admin.token,
    )
  })
})
