import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { previewSecret } from '@/lib/preview'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { restLogin } from '../helpers/rest'

/**
 * Preview through Next.js draft mode against the production build: it needs the secret and an editor's
 * session, shows the newest draft with a way out, and shows anonymous readers nothing.
 */

const DRAFT_SLUG = 'en-kladde-til-forhaandsvisning'
const PUBLISHED_SLUG = 'udgivet-med-ny-kladde'

let payload: Payload
let sessionCookie: string
const ids: DefaultDocumentIDType[] = []

/**
 * A browser sends `Sec-Fetch-Site` with every navigation, and Payload accepts a session cookie without an
 * Origin header only when it says same-origin (its CSRF rule); the editor clicks from the admin.
 */
function asBrowser(cookie: string): RequestInit {
  return { headers: { cookie, 'sec-fetch-site': 'same-origin' } }
}

function previewLink(path: string, secret = previewSecret()): string {
  return `/next/preview?${new URLSearchParams({ path, secret })}`
}

/** The draft-mode cookie that /next/preview sets, as a Cookie header value. */
function bypassCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__prerender_bypass='))
  expect(cookie, 'draft mode cookie').toBeTruthy()
  return cookie!.split(';')[0]!
}

beforeAll(async () => {
  payload = await testPayload()
  const editor = await restLogin(payload, 'editor')
  sessionCookie = `payload-token=${editor.token}`
  const draft = await payload.create({
    collection: 'articles',
    data: {
      title: 'Kladde kun til redaktøren',
      slug: DRAFT_SLUG,
      lead: 'Hemmelig manchet',
      _status: 'draft',
    },
    draft: true,
    overrideAccess: true,
    context: testContext,
  })
  ids.push(draft.id)
  const published = await payload.create({
    collection: 'articles',
    data: { title: 'Den udgivne titel', slug: PUBLISHED_SLUG, _status: 'published' },
    overrideAccess: true,
    context: testContext,
  })
  ids.push(published.id)
  await payload.update({
    collection: 'articles',
    id: published.id,
    data: { title: 'Den nye kladdetitel' },
    draft: true,
    overrideAccess: true,
    context: testContext,
  })
})

afterAll(async () => {
  for (const id of ids) await removeDocument(payload, 'articles', id)
})

describe('opening a preview', () => {
  it('refuses without the secret, even for a logged-in editor', async () => {
    const response = await get(previewLink(`/historier/${DRAFT_SLUG}`, 'wrong'), asBrowser(sessionCookie))
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie().join()).not.toContain('__prerender_bypass')
    expect(await response.text()).toMatch(/linket er ikke gyldigt/)
  })

  it('refuses the secret without an editor session', async () => {
    const response = await get(previewLink(`/historier/${DRAFT_SLUG}`))
    expect(response.status).toBe(403)
    expect(response.headers.getSetCookie().join()).not.toContain('__prerender_bypass')
    expect(await response.text()).toMatch(/logget ind som redaktør/)
  })

  it.each(['https://evil.example.net/', '//evil.example.net/x', '/admin', '/api/users'])(
    'refuses to open %s',
    async (path) => {
      const response = await get(previewLink(path), asBrowser(sessionCookie))
      expect(response.status).toBe(400)
    },
  )

  it('turns on draft mode for an editor with the secret and opens the page', async () => {
    const response = await get(previewLink(`/historier/${DRAFT_SLUG}`), asBrowser(sessionCookie))
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toMatch(new RegExp(`/historier/${DRAFT_SLUG}$`))
    bypassCookie(response)
  })
})

describe('reading in preview', () => {
  let bypass: string

  beforeAll(async () => {
    const response = await get(previewLink(`/historier/${DRAFT_SLUG}`), asBrowser(sessionCookie))
    bypass = bypassCookie(response)
  })

  it('shows the editor the never-published draft, with a banner and a way out', async () => {
    const response = await get(`/historier/${DRAFT_SLUG}`, asBrowser(`${bypass}; ${sessionCookie}`))
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Kladde kun til redaktøren')
    expect(html).toContain('Forhåndsvisning:')
    expect(html).toContain(`/next/exit-preview?path=%2Fhistorier%2F${DRAFT_SLUG}`)
  })

  it('shows the newest draft of a published story in preview and the published version to readers', async () => {
    const preview = await get(`/historier/${PUBLISHED_SLUG}`, asBrowser(`${bypass}; ${sessionCookie}`))
    expect(await preview.text()).toContain('Den nye kladdetitel')
    const reader = await (await get(`/historier/${PUBLISHED_SLUG}`)).text()
    expect(reader).toContain('Den udgivne titel')
    expect(reader).not.toContain('Den nye kladdetitel')
    expect(reader).not.toContain('Forhåndsvisning:')
  })

  it('shows nothing to a reader who has only the draft-mode cookie', async () => {
    const response = await get(`/historier/${DRAFT_SLUG}`, asBrowser(bypass))
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('Kladde kun til redaktøren')
    const published = await (await get(`/historier/${PUBLISHED_SLUG}`, asBrowser(bypass))).text()
    expect(published).not.toContain('Den nye kladdetitel')
  })

  it('shows anonymous readers nothing of the draft', async () => {
    const response = await get(`/historier/${DRAFT_SLUG}`)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('Kladde kun til redaktøren')
  })

  it('leaves preview through /next/exit-preview', async () => {
    const response = await get(
      `/next/exit-preview?path=${encodeURIComponent(`/historier/${PUBLISHED_SLUG}`)}`,
      {
        headers: { cookie: `${bypass}; ${sessionCookie}` },
      },
    )
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toMatch(new RegExp(`/historier/${PUBLISHED_SLUG}$`))
    const cleared = response.headers.getSetCookie().find((c) => c.startsWith('__prerender_bypass='))
    expect(cleared).toMatch(/Expires=Thu, 01 Jan 1970|Max-Age=0/i)
  })
})
