import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PATHS } from '@/lib/paths'
import { READER_KEYED_TTL_SECONDS } from '@/lib/shared-cache/handler'
import { SharedCacheStore } from '@/lib/shared-cache/store'
import { removeBuilds } from '../helpers/faults'
import { pageText } from '../helpers/page-text'
import { removeDocument, testPayload } from '../helpers/payload'
import {
  countEvents,
  Editor,
  type Instance,
  OwnRedis,
  ownKeyPrefix,
  read,
  removeKeys,
  startInstances,
  stopInstances,
  TEST_REDIS_URL,
} from '../helpers/topology'

/**
 * Two instances of one build on one database and one Redis (REDIS_URL): what an editor changes through
 * instance A is what a reader of instance B sees, within a second, on every page that shows it, while B
 * still answers from the shared cache between changes. And when Redis goes away, both keep serving from
 * the database, and pick up shared invalidation again once it is back.
 */

/** A word no other content has, so that a page contains it exactly when it shows the test's story. */
const word = (): string =>
  Array.from({ length: 10 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')

type Story = { id: number | string; slug: string }

let topic: { id: number | string; slug: string }
const stories: Story[] = []

beforeAll(async () => {
  const payload = await testPayload()
  const { docs } = await payload.find({ collection: 'topics', limit: 1, overrideAccess: true, depth: 0 })
  const first = docs[0]
  if (!first?.slug) throw new Error('the seed has no topic')
  topic = { id: first.id, slug: first.slug }
})

afterAll(async () => {
  const payload = await testPayload()
  for (const story of stories) await removeDocument(payload, 'articles', story.id)
  removeBuilds()
})

/** Every page that shows a published story, for a story found by `search`. */
function pagesOf(slug: string, search: string): string[] {
  return [
    PATHS.story(slug),
    PATHS.home,
    PATHS.stories,
    PATHS.topic(topic.slug),
    '/feed.xml',
    `${PATHS.search}?q=${encodeURIComponent(search)}`,
  ]
}

/**
 * Waits (at most `timeout` ms, polling) until every page on `instance` shows the story as `title`, or, with
 * `title: null`, until none shows it and the story page is gone. `hidden` is a title no page may show any
 * more. The search page echoes the query, so a title is looked for, never the query word alone.
 */
async function expectPages(
  instance: Instance,
  story: Story,
  search: string,
  { title, hidden, timeout = 1000 }: { title: string | null; hidden?: string; timeout?: number },
): Promise<void> {
  await vi.waitFor(
    async () => {
      for (const pathname of pagesOf(story.slug, search)) {
        const page = await read(instance, pathname)
        const where = `${instance.name} ${pathname}`
        expect(page.status, where).toBe(title === null && pathname === PATHS.story(story.slug) ? 404 : 200)
        // As text: the search page marks the matched word inside the title.
        const text = pageText(page.body)
        if (title !== null) expect(text.includes(title), `${where} shows "${title}"`).toBe(true)
        if (hidden) expect(text.includes(hidden), `${where} still shows "${hidden}"`).toBe(false)
      }
    },
    { timeout, interval: 50 },
  )
}

/**
 * Two reads of the story page on `instance`: the second comes from the shared cache. `timeout`: how long
 * the instance may take to use Redis again after an outage (it retries once a second).
 */
async function expectCacheHit(instance: Instance, slug: string, title: string, timeout = 0): Promise<void> {
  const twoReads = async () => {
    await read(instance, PATHS.story(slug))
    const page = await read(instance, PATHS.story(slug))
    expect(pageText(page.body)).toContain(title)
    expect(page.cache, `${instance.name} ${PATHS.story(slug)}`).toBe('HIT')
  }
  await (timeout > 0 ? vi.waitFor(twoReads, { timeout, interval: 200 }) : twoReads())
}

describe('two instances sharing one Redis', () => {
  const prefix = ownKeyPrefix('shared')
  let a: Instance
  let b: Instance
  let editor: Editor

  beforeAll(async () => {
    ;[a, b] = (await startInstances('shared', 2, {
      REDIS_URL: TEST_REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
    })) as [Instance, Instance]
    editor = await Editor.login(a)
  })

  afterAll(async () => {
    await stopInstances([a, b].filter(Boolean))
    await editor?.remove()
    await removeKeys(TEST_REDIS_URL, prefix)
  })

  it('shows a publish, an update and an unpublish on A on every page of B within 1 s, from the cache in between', async () => {
    const search = word()
    const title = `Delt cache ${search}`
    // B has the lists cached before the story exists: the publish has to expire them.
    for (const pathname of pagesOf('ikke-udgivet-endnu', search)) await read(b, pathname)

    const story = await editor.write<Story>(a, 'POST', '/api/articles', {
      title,
      lead: `En historie om den delte cache (${search}).`,
      topics: [topic.id],
      _status: 'published',
    })
    stories.push(story)
    await expectPages(b, story, search, { title })
    await expectCacheHit(b, story.slug, title)

    const updated = `Opdateret ${search} ${word()}`
    await editor.write(a, 'PATCH', `/api/articles/${story.id}`, { title: updated })
    await expectPages(b, story, search, { title: updated, hidden: title })
    await expectCacheHit(b, story.slug, updated)

    await editor.write(a, 'PATCH', `/api/articles/${story.id}`, { _status: 'draft' })
    await expectPages(b, story, search, { title: null, hidden: updated })
  })

  it("keeps a search's and a not-found page's entries for an hour at most, as readers decide how many there are", async () => {
    const search = word()
    for (const instance of [a, b])
      expect((await read(instance, `${PATHS.search}?q=${search}`)).status).toBe(200)
    const missing = PATHS.story(word())
    expect((await read(b, missing)).status).toBe(404)
    expect((await read(b, PATHS.stories)).status).toBe(200)
    const redis = new Redis(TEST_REDIS_URL, { maxRetriesPerRequest: 1 })
    try {
      const keys: string[] = []
      let cursor = '0'
      do {
        const [next, found] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500)
        keys.push(...found)
        cursor = next
      } while (cursor !== '0')
      const lifetimes = async (matching: (key: string) => boolean) =>
        Promise.all(keys.filter(matching).map((key) => redis.ttl(key)))
      const page = Buffer.from(search).toString('base64url')
      // The result page (its key holds the rewritten path) and its data, tagged search-results.
      const searchPages = await lifetimes((key) => key.includes(`/soeg/resultat/${page}/1`))
      expect(searchPages).toHaveLength(1)
      expect(searchPages[0]).toBeGreaterThan(0)
      expect(searchPages[0]).toBeLessThanOrEqual(READER_KEYED_TTL_SECONDS)
      const notFound = await lifetimes((key) => key.endsWith(`$${missing}`))
      expect(notFound).toHaveLength(1)
      expect(notFound[0]).toBeGreaterThan(0)
      expect(notFound[0]).toBeLessThanOrEqual(READER_KEYED_TTL_SECONDS)
      const storyList = await lifetimes((key) => key.endsWith(`$${PATHS.stories}`))
      expect(storyList).toHaveLength(1)
      expect(storyList[0]).toBeGreaterThan(READER_KEYED_TTL_SECONDS)
    } finally {
      redis.disconnect()
    }
  })
})

describe('Redis going away and coming back', () => {
  const prefix = ownKeyPrefix('outage')
  let redis: OwnRedis
  let instances: Instance[] = []
  let a: Instance
  let b: Instance
  let editor: Editor

  beforeAll(async () => {
    redis = await OwnRedis.start()
    instances = await startInstances('outage', 2, { REDIS_URL: redis.url, REDIS_KEY_PREFIX: prefix })
    ;[a, b] = instances as [Instance, Instance]
    editor = await Editor.login(a)
  })

  afterAll(async () => {
    await stopInstances(instances)
    await editor?.remove()
    await redis?.stop()
  })

  it('serves every page from the database while Redis hangs or is gone, and shares invalidation again once it is back', async () => {
    const search = word()
    const before = `Før udfaldet ${search}`
    // Both instances have just started: the first read of each route loads its code, and six cold pages
    // can take longer than the 1 s this test gives a change to reach B (vi.waitFor then gives up while its
    // first pass is still reading). The second is what is measured, so the pages are read once first,
    // as in the test above, which also makes the publish expire lists B already holds.
    for (const instance of [a, b]) {
      for (const pathname of pagesOf('ikke-udgivet-endnu', search)) await read(instance, pathname)
    }
    const story = await editor.write<Story>(a, 'POST', '/api/articles', {
      title: before,
      lead: `En historie, der ændres, mens Redis er væk (${search}).`,
      topics: [topic.id],
      _status: 'published',
    })
    stories.push(story)
    await expectPages(b, story, search, { title: before })
    await expectCacheHit(b, story.slug, before)

    // 1. Redis hangs: it accepts connections and commands but answers nothing. Every page still answers,
    //    from the database, on both instances, and the update is shown.
    redis.pause()
    const during = `Under udfaldet ${search}`
    await editor.write(a, 'PATCH', `/api/articles/${story.id}`, { title: during })
    for (const instance of [a, b]) {
      await expectPages(instance, story, search, { title: during, hidden: before, timeout: 10_000 })
    }
    redis.resume()
    await expectCacheHit(b, story.slug, during, 5000)

    // 2. Redis is out of reach, then back with what it held (a network partition, or a restart from a
    //    snapshot): B's story page, cached before the next change, is still in there, and the change's
    //    expiration never reached Redis. A keeps it, writes it once Redis is back, and B does not serve the
    //    old page.
    await redis.snapshot()
    await redis.kill()
    const whileGone = `Mens Redis er væk ${search}`
    await editor.write(a, 'PATCH', `/api/articles/${story.id}`, { title: whileGone })
    for (const instance of [a, b]) {
      await expectPages(instance, story, search, { title: whileGone, hidden: during, timeout: 10_000 })
    }
    expect(countEvents(a, 'shared-cache-revalidate-deferred')).toBeGreaterThan(0)
    await redis.start()
    await expectCacheHit(b, story.slug, whileGone, 5000)
    await expectPages(b, story, search, { title: whileGone, hidden: during })
    expect(countEvents(a, 'shared-cache-revalidate-resumed')).toBeGreaterThan(0)

    // 3. Shared invalidation is back: A's next change reaches B within a second.
    const after = `Efter udfaldet ${search}`
    await editor.write(a, 'PATCH', `/api/articles/${story.id}`, { title: after })
    await expectPages(b, story, search, { title: after, hidden: whileGone })
    await expectCacheHit(b, story.slug, after)

    // Two outages, each logged once when it began and once when it ended, however many requests came.
    for (const instance of [a, b]) {
      expect(countEvents(instance, 'shared-cache-unavailable'), instance.name).toBe(2)
      expect(countEvents(instance, 'shared-cache-available'), instance.name).toBe(2)
      expect(instance.output()).not.toMatch(/"status":5\d\d/)
    }
  })
})

describe('the Redis store on its own', () => {
  it('keeps an entry of several megabytes (the sitemap) with its Buffers and Maps', async () => {
    const prefix = ownKeyPrefix('large')
    const store = new SharedCacheStore(TEST_REDIS_URL, prefix)
    try {
      const html = `<urlset>${'<url><loc>https://faxeifaellesskab.dk/historier/en-historie</loc></url>'.repeat(80_000)}</urlset>`
      expect(html.length).toBeGreaterThan(5_000_000)
      const value = {
        value: {
          kind: 'APP_ROUTE',
          body: Buffer.from(html),
          status: 200,
          headers: { 'x-next-cache-tags': 'articles,_N_T_/sitemap.xml' },
        },
      }
      await store.set('build', '/sitemap.xml', value, ['articles', '_N_T_/sitemap.xml'], 60)
      const entry = await store.get('build', '/sitemap.xml', [])
      const body = (entry?.value as typeof value | undefined)?.value.body
      expect(Buffer.isBuffer(body)).toBe(true)
      expect(body?.toString()).toBe(html)

      await store.expireTags(['_N_T_/sitemap.xml'], undefined)
      expect(await store.get('build', '/sitemap.xml', [])).toBeUndefined()
    } finally {
      store.disconnect()
      await removeKeys(TEST_REDIS_URL, prefix)
    }
  })

  it("reuses its decoded copy only while Redis holds that very write, not after another instance's", async () => {
    const prefix = ownKeyPrefix('copies')
    const [one, other] = [
      new SharedCacheStore(TEST_REDIS_URL, prefix),
      new SharedCacheStore(TEST_REDIS_URL, prefix),
    ]
    try {
      await one.set('build', 'key', { n: 1 }, ['article:a'], 60)
      const first = await one.get('build', 'key', [])
      expect((await one.get('build', 'key', []))?.value).toBe(first?.value)
      await other.set('build', 'key', { n: 2 }, ['article:a'], 60)
      expect((await one.get('build', 'key', []))?.value).toEqual({ n: 2 })
      await other.expireTags(['article:a'], { expire: 0 })
      expect(await one.get('build', 'key', [])).toBeUndefined()
    } finally {
      one.disconnect()
      other.disconnect()
      await removeKeys(TEST_REDIS_URL, prefix)
    }
  })

  it('answers a miss and keeps an expiration while Redis hangs, and writes it once Redis answers', async () => {
    const redis = await OwnRedis.start()
    const store = new SharedCacheStore(redis.url, 'faxe-test-hang')
    try {
      await store.set('build', 'key', { value: 'old' }, ['article:a'], 60)
      expect((await store.get('build', 'key', []))?.value).toEqual({ value: 'old' })

      redis.pause()
      // Each call returns (no hang) with the outage's answer; the test's time-out would catch a hang.
      expect(await store.get('build', 'key', [])).toBeUndefined()
      await store.expireTags(['article:a'], { expire: 0 })
      expect(store.pendingTags()).toEqual(['article:a'])

      redis.resume()
      await vi.waitFor(() => expect(store.pendingTags()).toEqual([]), { timeout: 5000, interval: 100 })
      expect(await store.get('build', 'key', [])).toBeUndefined()
    } finally {
      store.disconnect()
      await redis.stop()
    }
  })
})
