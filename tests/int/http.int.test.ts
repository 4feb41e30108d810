import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { dataEntries, serverFiles } from '../helpers/build-cache'
import { get, getJson } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/** The running production build, over HTTP, as an anonymous reader or REST client sees it. */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

type List<T> = { docs: T[]; totalDocs: number }

let payload: Payload
let draftId: DefaultDocumentIDType
let hiddenInternId: DefaultDocumentIDType

beforeAll(async () => {
  payload = await testPayload()
  const draft = await payload.create({
    collection: 'articles',
    data: { title: 'Kladde der ikke må ses', lead: 'Ikke offentlig', _status: 'draft' },
    draft: true,
    overrideAccess: true,
    context: testContext,
  })
  draftId = draft.id
  const intern = await payload.create({
    collection: 'interns',
    data: { name: 'Skjult Praktikant', organisation: 'Ingen', publicationConsent: false },
    overrideAccess: true,
    context: testContext,
  })
  hiddenInternId = intern.id
})

afterAll(async () => {
  await removeDocument(payload, 'articles', draftId)
  await removeDocument(payload, 'interns', hiddenInternId)
})

describe('REST as an anonymous client', () => {
  it('GET /api/articles lists published stories only', async () => {
    const { status, body } = await getJson<
      List<{ id: DefaultDocumentIDType; _status: string; title: string }>
    >('/api/articles?limit=100&draft=true')
    expect(status).toBe(200)
    expect(body.docs.map((d) => d.title)).toContain('Innovationspraktikanter kiggede Faxe Kommune i kortene')
    expect(body.docs.every((d) => d._status === 'published')).toBe(true)
    expect(body.docs.some((d) => d.id === draftId)).toBe(false)
  })

  it('answers 404 for a draft by id', async () => {
    expect((await get(`/api/articles/${draftId}`)).status).toBe(404)
    expect((await get(`/api/articles/${draftId}?draft=true`)).status).toBe(404)
  })

  it('refuses /api/users', async () => {
    const { status, body } = await getJson<{ errors: { message: string }[] }>('/api/users')
    expect(status).toBe(403)
    expect(body.errors[0]?.message).toEqual(expect.any(String))
  })

  it('does not show an intern without consent, by id or in the list', async () => {
    expect((await get(`/api/interns/${hiddenInternId}`)).status).toBe(404)
    const { body } =
      await getJson<List<{ id: DefaultDocumentIDType; name: string }>>('/api/interns?limit=100')
    expect(body.docs.some((d) => d.id === hiddenInternId)).toBe(false)
    expect(body.docs.map((d) => d.name)).toContain('Victor Mørk Johansen')
    expect(JSON.stringify(body)).not.toContain('publicationConsent')
  })

  it('GraphQL shows published stories only', async () => {
    const response = await get('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ Articles(limit: 100, draft: true) { docs { id title _status } } }' }),
    })
    expect(response.status).toBe(200)
    const { data } = (await response.json()) as {
      data: { Articles: { docs: { id: DefaultDocumentIDType; _status: string }[] } }
    }
    expect(data.Articles.docs.length).toBeGreaterThan(0)
    expect(data.Articles.docs.every((d) => d._status === 'published')).toBe(true)
    expect(data.Articles.docs.some((d) => d.id === draftId)).toBe(false)
  })
})

describe('the pages', () => {
  it('the story page shows the whole seed story', async () => {
    const response = await get(STORY_PATH)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<html lang="da"')
    expect(html).toContain('<h1>Innovationspraktikanter kiggede Faxe Kommune i kortene</h1>')
    expect(html).toContain('Det var et gennemarbejdet og struktureret program, der sikrede en praksisnærhed!')
    for (const name of ['Charlotte Gisselmann Jessen', 'Charlotte Åkerstrøm', 'Victor Mørk Johansen']) {
      expect(html).toContain(name)
    }
    expect(html).toContain('innovationspraktikant fra CBS')
    expect(html).toContain('Vil du vide mere?')
    expect(html).toContain('href="mailto:tbrag@faxekommune.dk"')
    expect(html).toContain('Godt nok kaldes de for praktikanter')
    expect(html).toContain('En del af vores DNA')
    expect(html).toContain('SAMMEN kan vi MERE')
    expect(html).toContain('Frederiksgade 9')
    expect(html).toContain('Redaktør, webmaster og procesleder: Thomas Børager')
  })

  it('a cached page has an ETag; a matching If-None-Match answers 304 without a body, another the page', async () => {
    // Retried as a whole: another test file's save may re-render the page between two of these requests.
    await vi.waitFor(
      async () => {
        await get(STORY_PATH)
        const first = await get(STORY_PATH)
        const body = await first.text()
        const etag = first.headers.get('etag')
        expect(first.headers.get('x-nextjs-cache')).toBe('HIT')
        expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/)
        // The validator is the body's: the same bytes, the same ETag (scripts/lib/page-etag.ts).
        const again = await get(STORY_PATH)
        expect(again.headers.get('etag')).toBe(etag)
        expect(await again.text()).toBe(body)

        const unchanged = await get(STORY_PATH, { headers: { 'if-none-match': `"old", W/${etag}` } })
        expect(unchanged.status).toBe(304)
        expect(unchanged.headers.get('etag')).toBe(etag)
        expect(unchanged.headers.get('cache-control')).toBe(first.headers.get('cache-control'))
        expect(await unchanged.text()).toBe('')

        const changed = await get(STORY_PATH, { headers: { 'if-none-match': '"old"' } })
        expect(changed.status).toBe(200)
        expect(await changed.text()).toBe(body)
      },
      { timeout: 10_000, interval: 100 },
    )
  })

  it('the home page shows the vision and links to the newest story', async () => {
    const response = await get('/')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('FAXE ER ET TILVALG - DET ER VORES VISION')
    expect(html).toContain(`href="${STORY_PATH}"`)
    expect(html).not.toContain('Kladde der ikke må ses')
    // and leads on to the topics and the interns
    expect(html).toContain('href="/emner/innovationspraktik"')
    expect(html).toContain('href="/praktikanter"')
  })

  it('an unknown address answers 404 with a Danish page that helps on', async () => {
    // Any depth: the page that looks for a redirect first (app/(site)/[slug]/[...rest]) raises notFound(),
    // sent as Next.js's recovery shell plus the Flight data the browser renders the page from (see below).
    for (const path of ['/noget', '/noget/helt/andet']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      const html = await response.text()
      expect(html).toContain('Siden findes ikke')
      expect(html).toContain('Søg i historier og citater')
      expect(html).toContain('Gå til forsiden')
    }
  })

  it('an unknown or malformed story slug answers 404 with the Danish not-found content', async () => {
    // Next.js sends a notFound() raised inside a page as its recovery shell plus the page's Flight data,
    // from which the browser renders the not-found content; the content is checked in that data here.
    for (const path of ['/historier/findes-ikke', '/historier/%E2%80%AE%3Cscript%3E', '/historier/UPPER']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      const html = await response.text()
      expect(html).toContain('Siden findes ikke')
      expect(html).toContain('Søg i historier og citater')
    }
  })

  it('a draft story has no page', async () => {
    const draft = await payload.findByID({
      collection: 'articles',
      id: draftId,
      draft: true,
      overrideAccess: true,
    })
    expect(draft.slug).toBe('kladde-der-ikke-maa-ses')
    expect((await get(`/historier/${draft.slug}`)).status).toBe(404)
  })

  it('the admin opens in Danish, even for an English-language browser', async () => {
    const response = await get('/admin/login', { headers: { 'accept-language': 'en-US,en;q=0.9' } })
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toMatch(/<html[^>]*lang="da"/)
    // The admin's Danish strings travel with the page for its client components.
    expect(html).toContain('Gem kladde')
  })

  it('the admin keeps English for a user who chose it', async () => {
    const response = await get('/admin/login', { headers: { cookie: 'payload-lng=en' } })
    expect(response.status).toBe(200)
    expect(await response.text()).toMatch(/<html[^>]*lang="en"/)
  })

  it('the story list shows published stories and answers 404 past its last page', async () => {
    const response = await get('/historier')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain(`href="${STORY_PATH}"`)
    expect(html).not.toContain('Kladde der ikke må ses')
    for (const path of [
      '/historier/side/2',
      '/historier/side/999999',
      '/historier/side/abc',
      '/historier/side/1',
    ]) {
      expect((await get(path)).status, path).toBe(404)
    }
  })

  it('an address that has nothing leaves nothing on disk, however many a client asks for', async () => {
    // A reader chooses these addresses, so there is no end to them. Next.js caches a not-found page like
    // any other (seven files under server/route-cache for each address) and every lookup that found
    // nothing (a data entry); the site's cache handler keeps both in memory, where the LRU bounds them.
    const word = `ingen${Date.now().toString(36)}`
    const number = String(Date.now())
    const nothingBefore = new Set(
      dataEntries()
        .filter((entry) => entry.body === null)
        .map((entry) => entry.file),
    )
    const addresses = [
      `/historier/${word}`,
      `/historier/side/${number}`,
      `/emner/${word}`,
      `/emner/${word}/side/2`,
      `/praktikanter/${word}`,
      `/${word}`,
      `/${word}/under/${word}`,
    ]
    for (const address of addresses) {
      const response = await get(address)
      expect(response.status, address).toBe(404)
      await response.arrayBuffer()
    }
    // Still answered from the cache: a repeated not-found costs no render.
    const again = await get(`/historier/${word}`)
    expect(again.status).toBe(404)
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT')
    await again.arrayBuffer()
    expect(serverFiles().filter((file) => file.includes(word) || file.includes(number))).toEqual([])
    const nothingAfter = dataEntries().filter(
      (entry) => entry.body === null && !nothingBefore.has(entry.file),
    )
    expect(nothingAfter).toEqual([])
  })

  it('the intern pages show consenting interns with their quotes and stories, and no one else', async () => {
    const list = await (await get('/praktikanter')).text()
    for (const name of ['Charlotte Gisselmann Jessen', 'Charlotte Åkerstrøm', 'Victor Mørk Johansen']) {
      expect(list).toContain(name)
    }
    expect(list).not.toContain('Skjult Praktikant')

    const response = await get('/praktikanter/charlotte-aakerstroem')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Udviklingskonsulent')
    expect(html).toContain('Herlev/Gentofte Hospital')
    expect(html).toContain('Det gav en unik indsigt')
    expect(html).toContain(`href="${STORY_PATH}"`)

    const hidden = await payload.findByID({ collection: 'interns', id: hiddenInternId, overrideAccess: true })
    expect((await get(`/praktikanter/${hidden.slug}`)).status).toBe(404)
  })

  it('the contact page lists the contact persons with mailto links', async () => {
    const response = await get('/kontakt')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Thomas Børager')
    expect(html).toContain('Lenette Bech')
    expect(html).toContain('href="mailto:tbrag@faxekommune.dk"')
  })
})

describe('the jobs endpoint', () => {
  it("runs due jobs for the scheduler's token and for nobody without it", async () => {
    const { JOBS_TOKEN_HEADER, jobsToken } = await import('@/lib/jobs-token')
    const token = jobsToken()
    const refused: Record<string, string>[] = [
      {},
      { [JOBS_TOKEN_HEADER]: '0'.repeat(64) },
      { [JOBS_TOKEN_HEADER]: token.toUpperCase() },
      { [JOBS_TOKEN_HEADER]: `${token}, ${token}` },
      { [JOBS_TOKEN_HEADER]: ` ${token.slice(1)}` },
    ]
    for (const headers of refused) {
      const response = await get('/api/payload-jobs/run?limit=1', { headers })
      expect(response.status, JSON.stringify(headers)).toBe(401)
    }
    const { status, body } = await getJson<{ message: string }>('/api/payload-jobs/run?limit=1', {
      headers: { [JOBS_TOKEN_HEADER]: token },
    })
    expect(status).toBe(200)
    expect(body.message).toBeTruthy()
  })

  it('leaves no internal routes behind', async () => {
    for (const path of ['/api/internal/revalidate', '/api/internal/job-runner', '/api/internal/redirects']) {
      const response = await get(path, { method: 'POST', body: '{}' })
      expect(response.status, path).toBe(404)
    }
  })
})
