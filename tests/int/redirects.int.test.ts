import { randomBytes } from 'node:crypto'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Old addresses keep working: a published story whose slug changes, and addresses an editor adds by hand,
 * lead on to the new address. The page that has nothing at the old address answers with the rule
 * (lib/data/redirects.ts): 308 for a permanent rule (stored as 301), 307 for a temporary one (302), the
 * only redirects a page can answer. Changes are made over REST, as the admin makes them.
 */

let payload: Payload
let editor: TestUser & { token: string }
const articles: DefaultDocumentIDType[] = []
const unique = () => randomBytes(3).toString('hex')

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  for (const id of articles) {
    await removeDocument(payload, 'articles', id)
  }
  await payload.delete({ collection: 'redirects', where: { id: { exists: true } }, overrideAccess: true })
  await deleteUser(payload, editor)
})

type ApiResult = {
  status: number
  body: { doc: { id: DefaultDocumentIDType; slug: string; from: string } } & Record<string, unknown>
}

async function api(method: string, path: string, body?: unknown): Promise<ApiResult> {
  const response = await get(
    path,
    authed(editor.token, { method, ...(body ? { body: JSON.stringify(body) } : {}) }),
  )
  return { status: response.status, body: (await response.json()) as ApiResult['body'] }
}

/** The status and the target (path and query) a request for `path` answers with, following nothing. */
async function answer(path: string): Promise<[number, string | null]> {
  const response = await get(path)
  const location = response.headers.get('location')
  if (!location) return [response.status, null]
  const target = new URL(location, baseUrl())
  return [response.status, `${target.pathname}${target.search}`]
}

async function publishStory(title: string): Promise<{ id: DefaultDocumentIDType; slug: string }> {
  const { status, body } = await api('POST', '/api/articles', { title, _status: 'published' })
  expect(status).toBe(201)
  articles.push(body.doc.id)
  return body.doc
}

async function renameStory(id: DefaultDocumentIDType, slug: string, publish = true): Promise<void> {
  const { status } = await api('PATCH', `/api/articles/${id}${publish ? '' : '?draft=true'}`, {
    slug,
    ...(publish ? { _status: 'published' } : {}),
  })
  expect(status).toBe(200)
}

describe('a published story whose slug changes', () => {
  it('answers 308 from the old address to the new one, never in a chain, and never away from a live address', async () => {
    const story = await publishStory(`Omdøbt historie ${unique()}`)
    const first = `/historier/${story.slug}`
    expect(await answer(first)).toEqual([200, null])

    const second = `${story.slug}-ny`
    await renameStory(story.id, second)
    expect(await answer(first)).toEqual([308, `/historier/${second}`])
    expect(await answer(`/historier/${second}`)).toEqual([200, null])
    const { docs } = await payload.find({
      collection: 'redirects',
      where: { from: { equals: first } },
      overrideAccess: true,
    })
    expect(docs.map((d) => [d.to, d.type, d.automatic])).toEqual([[`/historier/${second}`, '301', true]])

    // Renamed again: both old addresses lead straight to the newest, not via each other.
    const third = `${story.slug}-nyest`
    await renameStory(story.id, third)
    expect(await answer(first)).toEqual([308, `/historier/${third}`])
    expect(await answer(`/historier/${second}`)).toEqual([308, `/historier/${third}`])

    // And back to the first: that address is live again, the others lead to it, nothing loops.
    await renameStory(story.id, story.slug)
    expect(await answer(first)).toEqual([200, null])
    expect(await answer(`/historier/${second}`)).toEqual([308, first])
    expect(await answer(`/historier/${third}`)).toEqual([308, first])
    const fromLive = await payload.count({ collection: 'redirects', where: { from: { equals: first } } })
    expect(fromLive.totalDocs).toBe(0)
  })

  it('a slug changed in a draft redirects nothing until the draft is published', async () => {
    const story = await publishStory(`Kladdeadresse ${unique()}`)
    const live = `/historier/${story.slug}`
    await renameStory(story.id, `${story.slug}-kladde`, false)
    expect(await answer(live)).toEqual([200, null])
    expect(await answer(`/historier/${story.slug}-kladde`)).toEqual([404, null])
    await renameStory(story.id, `${story.slug}-kladde`)
    expect(await answer(live)).toEqual([308, `/historier/${story.slug}-kladde`])
  })
})

describe('redirects added by hand', () => {
  it('answer 308 (or 307 when chosen temporary), at any depth, and pass the query string on', async () => {
    const from = `/nyheder/2019/${unique()}`
    // Asked for before the rule exists: the not-found page and the empty lookup are cached, and the new
    // rule must still be seen at once.
    expect(await answer(from)).toEqual([404, null])
    expect((await api('POST', '/api/redirects', { from, to: '/historier' })).status).toBe(201)
    expect(await answer(from)).toEqual([308, '/historier'])
    expect(await answer(`${from}?utm_source=nyhedsbrev`)).toEqual([308, '/historier?utm_source=nyhedsbrev'])
    // Stored in the form pages look rules up in: a trailing slash or a Danish letter make no difference.
    const danish = `/gamle-sider/${unique()}-fællesskab/`
    const created = await api('POST', '/api/redirects', { from: danish, to: '/om', type: '302' })
    expect(created.body.doc.from).toBe(encodeURI(danish.slice(0, -1)))
    expect(await answer(encodeURI(danish.slice(0, -1)))).toEqual([307, '/om'])
  })

  it('a new rule to an address that was itself redirected is refused, and older rules are pointed on', async () => {
    const a = `/gammel-a-${unique()}`
    const b = `/gammel-b-${unique()}`
    expect((await api('POST', '/api/redirects', { from: a, to: b })).status).toBe(201)
    // a -> b exists; b -> /kontakt makes a lead straight to /kontakt.
    expect((await api('POST', '/api/redirects', { from: b, to: '/kontakt' })).status).toBe(201)
    expect(await answer(a)).toEqual([308, '/kontakt'])
    // A rule to b would now be a chain.
    const refused = await api('POST', '/api/redirects', { from: `/gammel-c-${unique()}`, to: b })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.body)).toContain('sender selv videre til /kontakt')
  })

  it.each([
    ['//evil.example/x', '/historier', 'én /'],
    ['https://evil.example/x', '/historier', 'én /'],
    ['/api/users', '/historier', '/admin, /api'],
    ['/admin', '/historier', '/admin, /api'],
    ['/ok-fra', '/admin/collections/users', '/admin, /api'],
    ['/ok-fra', '/api/users', '/admin, /api'],
    ['/ok-fra', 'javascript:alert(1)', 'én /'],
    ['/ok-fra', 'https://evil.example', 'én /'],
    ['/ok-fra', '/\\evil.example', '\\'],
    ['/ok-fra', '/ok-fra', 'samme'],
    ['/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene', '/historier', 'er udgivet'],
    ['/privatlivspolitik', '/om', 'er udgivet'],
  ])('refuses from %s to %s with a Danish message', async (from, to, message) => {
    const { status, body } = await api('POST', '/api/redirects', { from, to })
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain(message)
  })

  it('cannot be made by an anonymous client', async () => {
    const response = await get('/api/redirects', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ from: '/anonym', to: '/historier' }),
    })
    expect(response.status).toBe(403)
  })

  it('leave ordinary pages, the admin and the API alone', async () => {
    expect(await answer('/')).toEqual([200, null])
    expect(await answer('/historier')).toEqual([200, null])
    expect((await get('/api/redirects?limit=1')).status).toBe(200)
  })
})
