import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { RunningVarnish } from '@/scripts/lib/varnish'
import { TAGS } from '@/lib/cache-tags'
import { PATHS } from '@/lib/paths'
import { removeBuilds } from '../helpers/faults'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import {
  freePort,
  type Instance,
  ownKeyPrefix,
  rawRequest,
  removeKeys,
  startFrontCache,
  startInstances,
  stopInstances,
  TEST_REDIS_URL,
} from '../helpers/topology'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * The front cache (Varnish with xkey, ops/varnish/faxe.vcl.template) in front of two app instances A and B
 * on one database and one Redis (the shared cache): what it keeps, what it never keeps, who may purge it,
 * and grace while both are down. A change saved through A is seen through the front cache, whichever
 * instance it then asks: the purge is sent by the cache handler once the shared entries were expired
 * (lib/shared-cache/handler.ts).
 */

const WORD = `frontcache${Date.now().toString(36)}`

let payload: Payload
let editor: TestUser & { token: string }
let instances: Instance[] = []
let a: Instance | undefined
let b: Instance | undefined
let front: RunningVarnish | undefined
const keyPrefix = ownKeyPrefix('front')
const stories: DefaultDocumentIDType[] = []
let story: { id: DefaultDocumentIDType; slug: string; title: string }

async function write(
  server: Instance,
  method: 'POST' | 'PATCH',
  pathname: string,
  data: unknown,
): Promise<{ id: DefaultDocumentIDType; slug: string; title: string }> {
  const response = await fetch(
    `${server.url}${pathname}`,
    authed(editor.token, { method, body: JSON.stringify(data) }),
  )
  const json = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string; title: string } }
  expect(response.status, JSON.stringify(json)).toBeLessThan(300)
  return json.doc
}

type Answer = { status: number; cache: string | null; body: string }

async function via(
  cache: RunningVarnish,
  pathname: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${cache.url}${pathname}`, { headers, redirect: 'manual' })
  return { status: response.status, cache: response.headers.get('x-cache'), body: await response.text() }
}

/** Until the page is in the front cache: the first answer may come before a probe found the backend. */
async function cached(cache: RunningVarnish, pathname: string): Promise<Answer> {
  let answer: Answer | undefined
  await vi.waitFor(
    async () => {
      answer = await via(cache, pathname)
      expect(answer.status).toBe(200)
      expect(answer.cache).toBe('HIT')
    },
    { timeout: 15_000, interval: 100 },
  )
  return answer as Answer
}

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  const frontPort = await freePort()
  instances = await startInstances('front', 2, {
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: keyPrefix,
    FRONT_CACHE_URL: `http://127.0.0.1:${frontPort}`,
  })
  ;[a, b] = instances
  front = await startFrontCache(frontPort, instances)
  story = await write(a!, 'POST', '/api/articles', {
    title: `Forsidecache ${WORD}`,
    lead: `En historie til forsidecachens test ${WORD}.`,
    _status: 'published',
  })
  stories.push(story.id)
})

afterAll(async () => {
  await front?.stop()
  await stopInstances(instances)
  await removeKeys(TEST_REDIS_URL, keyPrefix)
  removeBuilds()
  for (const id of stories) if (payload) await removeDocument(payload, 'articles', id)
  if (editor) await deleteUser(payload, editor)
})

describe('the front cache', () => {
  it('serves the story page from its cache between changes', async () => {
    const path = PATHS.story(story.slug)
    const first = await via(front!, path)
    expect(first.status).toBe(200)
    expect(first.body).toContain(story.title)
    const hit = await cached(front!, path)
    expect(hit.body).toContain(story.title)
    // The tags reached Varnish (purges work) but not the reader.
    const direct = await fetch(`${a!.url}${path}`)
    expect(direct.headers.get('xkey')).toContain(TAGS.article(story.slug))
    expect((await fetch(`${front!.url}${path}`)).headers.get('xkey')).toBeNull()
    // The build's assets (hashed names, immutable) are kept too, though they carry no tags.
    const asset = /\/_next\/static\/[^"']+\.js/.exec(hit.body)?.[0]
    expect(asset).toBeDefined()
    expect((await via(front!, asset as string)).status).toBe(200)
    expect((await cached(front!, asset as string)).cache).toBe('HIT')
  })

  it('shows a change saved through instance A within 1 s, whichever instance it asks, and a new story on the list', async () => {
    const path = PATHS.story(story.slug)
    await cached(front!, path)
    await cached(front!, PATHS.stories)

    const newTitle = `Forsidecache ${WORD} ny titel`
    await write(a!, 'PATCH', `/api/articles/${story.id}`, { title: newTitle })
    await vi.waitFor(
      async () => {
        const answer = await via(front!, path)
        expect(answer.status).toBe(200)
        expect(answer.body).toContain(newTitle)
      },
      { timeout: 1_000, interval: 25 },
    )
    story.title = newTitle
    expect((await cached(front!, path)).body).toContain(newTitle)

    const second = await write(a!, 'POST', '/api/articles', {
      title: `Forsidecache ${WORD} anden historie`,
      lead: `Endnu en historie til forsidecachens test ${WORD}.`,
      _status: 'published',
    })
    stories.push(second.id)
    await vi.waitFor(
      async () => {
        const answer = await via(front!, PATHS.stories)
        expect(answer.status).toBe(200)
        expect(answer.body).toContain(second.title)
      },
      { timeout: 1_000, interval: 25 },
    )
  })

  it('never serves a logged-in request from its cache, nor keeps its answer for others', async () => {
    const path = PATHS.topics
    const credentials: Record<string, string>[] = [
      { cookie: `payload-token=${editor.token}` },
      { cookie: `theme=light; Payload-Token=${editor.token}` },
      { cookie: `PAYLOAD_TOKEN=${editor.token}` },
      { cookie: `other=1;\tpayload-token\t=${editor.token}` },
      { authorization: `JWT ${editor.token}` },
      { authorization: `Bearer ${editor.token}` },
      { cookie: '__prerender_bypass=x' },
      { cookie: '__next_preview_data=x' },
    ]
    for (const headers of credentials) {
      const answer = await via(front!, path, headers)
      expect(answer.status, JSON.stringify(headers)).toBe(200)
      expect(answer.cache, JSON.stringify(headers)).toBe('PASS')
    }
    // Nothing the logged-in requests got was stored: the first anonymous reader is a miss.
    expect((await via(front!, path)).cache).toBe('MISS')
    await cached(front!, path)
    // Once it is cached for anonymous readers, a logged-in reader still goes to the app ...
    for (const headers of credentials) expect((await via(front!, path, headers)).cache).toBe('PASS')
    // ... while a cookie that means nothing to the site is dropped and the shared copy served.
    expect((await via(front!, path, { cookie: 'theme=dark' })).cache).toBe('HIT')

    for (let i = 0; i < 2; i++) {
      const me = await via(front!, '/api/users/me', { authorization: `JWT ${editor.token}` })
      expect(me.cache).toBe('PASS')
      expect((JSON.parse(me.body) as { user: { email: string } | null }).user?.email).toBe(editor.email)
      // A cookie counts for Payload only from the site's own pages (its CSRF check).
      const cookieMe = await via(front!, '/api/users/me', {
        cookie: `payload-token=${editor.token}`,
        'sec-fetch-site': 'same-origin',
      })
      expect(cookieMe.cache).toBe('PASS')
      expect((JSON.parse(cookieMe.body) as { user: { email: string } | null }).user?.email).toBe(editor.email)
      const anonymous = await via(front!, '/api/users/me')
      expect(anonymous.cache).toBe('PASS')
      expect((JSON.parse(anonymous.body) as { user: unknown }).user).toBeNull()
    }
    expect((await via(front!, '/admin', { cookie: `payload-token=${editor.token}` })).cache).toBe('PASS')
  })

  it('refuses a PURGE from an address that is not allowed, or through a proxy', async () => {
    const path = PATHS.story(story.slug)
    await cached(front!, path)
    const purge = { 'xkey-purge': `${TAGS.article(story.slug)} ${TAGS.articles}` }
    const stranger = await rawRequest(`${front!.url}/`, {
      method: 'PURGE',
      headers: purge,
      localAddress: '127.0.0.2',
    })
    expect(stranger.status).toBe(403)
    const proxied = await rawRequest(`${front!.url}/`, {
      method: 'PURGE',
      headers: { ...purge, 'x-forwarded-for': '203.0.113.7' },
    })
    expect(proxied.status).toBe(403)
    const forwarded = await rawRequest(`${front!.url}/`, {
      method: 'PURGE',
      headers: { ...purge, forwarded: 'for=203.0.113.7' },
    })
    expect(forwarded.status).toBe(403)
    expect((await rawRequest(`${front!.url}/`, { method: 'BAN' })).status).toBe(405)
    expect((await via(front!, path)).cache).toBe('HIT')

    // From the machine itself (an app instance), the same purge is taken.
    const local = await rawRequest(`${front!.url}/`, { method: 'PURGE', headers: purge })
    expect(local.status).toBe(200)
    expect(local.body).toMatch(/Invalidated [1-9]\d* objects/)
    expect((await via(front!, path)).cache).toBe('MISS')
  })

  it('serves the last good story page while every instance is down (grace)', async () => {
    const path = PATHS.story(story.slug)
    const good = await cached(front!, path)
    await a!.stop()
    await b!.stop()
    // Made stale, as a purge after a change would: with a healthy backend it is never served again.
    const purge = await rawRequest(`${front!.url}/`, {
      method: 'PURGE',
      headers: { 'xkey-purge': TAGS.article(story.slug) },
    })
    expect(purge.status).toBe(200)
    // Until the health probes have found both instances down, a reader may get Varnish's 503.
    await vi.waitFor(
      async () => {
        const answer = await via(front!, path)
        expect(answer.status).toBe(200)
        expect(answer.cache).toBe('HIT')
        expect(answer.body).toBe(good.body)
      },
      { timeout: 15_000, interval: 250 },
    )
    expect((await via(front!, PATHS.story('findes-ikke-' + WORD))).status).toBe(503)
  })
})
