import { Validator } from '@seriousme/openapi-schema-validator'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { ABSENT_ID } from '../helpers/database'

/**
 * The public REST contract over raw HTTP against the production build: hidden fields behave like missing
 * ones, bounds and malformed queries give 400s with Payload's error shape, caching and CORS headers.
 */

type ErrorBody = { errors: { message: string; name?: string; data?: unknown }[] }

const READER = 'https://app.example.org' // CORS_ORIGINS in tests/helpers/global-setup.ts
const STRANGER = 'https://evil.example.net'

let payload: Payload
let hiddenInternId: DefaultDocumentIDType

async function json(
  pathname: string,
  init?: RequestInit,
): Promise<{ status: number; body: unknown; response: Response }> {
  const response = await get(pathname, init)
  const text = await response.text()
  return { status: response.status, body: text ? JSON.parse(text) : null, response }
}

/** The response for `path` with the field name replaced, so two answers can be compared as wholes. */
async function normalised(pathname: string, field: string): Promise<{ status: number; body: string }> {
  const { status, body } = await json(pathname)
  return { status, body: JSON.stringify(body).replaceAll(field, 'FIELD') }
}

function expectCleanError(status: number, body: unknown): void {
  expect(status).toBeGreaterThanOrEqual(400)
  expect(status).toBeLessThan(500)
  const { errors } = body as ErrorBody
  expect(errors.length).toBeGreaterThan(0)
  expect(typeof errors[0]!.message).toBe('string')
  const text = JSON.stringify(body)
  expect(text).not.toMatch(/stack|SELECT|sqlite|drizzle|at \w+ \(/i)
}

beforeAll(async () => {
  payload = await testPayload()
  const intern = await payload.create({
    collection: 'interns',
    data: {
      name: 'Praktikant uden samtykke',
      organisation: 'Testorganisation',
      publicationConsent: false,
      consentNote: 'Intern note, aldrig offentlig',
    },
    overrideAccess: true,
    context: testContext,
  })
  hiddenInternId = intern.id
})

afterAll(async () => {
  await removeDocument(payload, 'interns', hiddenInternId)
})

describe('hidden fields behave exactly like fields that do not exist', () => {
  const pairs: [string, string, string][] = [
    ['where on a hidden field', '/api/interns?where[publicationConsent][equals]=true', 'publicationConsent'],
    ['where on the consent note', '/api/interns?where[consentNote][like]=note', 'consentNote'],
    ['sort by a hidden field', '/api/interns?sort=consentNote', 'consentNote'],
    ['sort descending by a hidden field', '/api/interns?sort=-consentRecordedAt', 'consentRecordedAt'],
    ['where through a relation', '/api/articles?where[interns.consentNote][exists]=true', 'consentNote'],
    ['sort through a relation', '/api/articles?sort=interns.publicationConsent', 'publicationConsent'],
    ['select of a hidden field', '/api/interns?select[consentNote]=true', 'consentNote'],
    [
      'a malformed value for a hidden field',
      '/api/interns?where[consentRecordedAt][greater_than]=notadate',
      'consentRecordedAt',
    ],
  ]
  it.each(pairs)('%s', async (_name, pathname, field) => {
    const hidden = await normalised(pathname, field)
    const missing = await normalised(pathname.replace(field, 'doesNotExist'), 'doesNotExist')
    expect(hidden).toEqual(missing)
  })

  it('answers a where on a hidden field with a 400 that names only the path asked for', async () => {
    const { status, body } = await json('/api/interns?where[publicationConsent][equals]=true')
    expect(status).toBe(400)
    expect((body as ErrorBody).errors[0]!.message).toBe(
      'The following path cannot be queried: publicationConsent',
    )
  })

  it('never returns consent records, even when asked to populate them', async () => {
    const { status, body } = await json(
      '/api/articles?depth=1&populate[interns][consentNote]=true&populate[interns][publicationConsent]=true',
    )
    expect(status).toBe(200)
    const text = JSON.stringify(body)
    expect(text).not.toMatch(/publicationConsent|consentNote|consentRecordedAt|searchIndex/)
    const interns = await json(`/api/interns?limit=100`)
    expect(JSON.stringify(interns.body)).not.toMatch(/consent|Praktikant uden samtykke/i)
  })

  it('keeps users out of reach, directly and through relations', async () => {
    expect((await get('/api/users')).status).toBe(403)
    const throughRelation = await normalised('/api/articles?where[createdBy.email][exists]=true', 'createdBy')
    const missing = await normalised('/api/articles?where[doesNotExist.email][exists]=true', 'doesNotExist')
    expect(throughRelation).toEqual(missing)
  })
})

describe('bounds', () => {
  it.each([
    ['/api/articles?limit=101', /limit skal være et heltal fra 1 til 100/],
    ['/api/articles?limit=0', /limit skal være et heltal fra 1 til 100/],
    ['/api/articles?limit=abc', /limit skal være et heltal/],
    ['/api/articles?limit=5&limit=6', /limit må kun angives én gang/],
    ['/api/articles?pagination=false', /pagination=false er ikke tilladt/],
    ['/api/articles?depth=4', /depth skal være et heltal fra 0 til 3/],
    ['/api/articles?depth=-1', /depth skal være et heltal fra 0 til 3/],
    ['/api/articles?page=0', /page skal være et heltal fra 1/],
    ['/api/globals/site?depth=9', /depth skal være et heltal fra 0 til 3/],
  ])('%s -> 400 saying what is allowed', async (pathname, message) => {
    const { status, body } = await json(pathname)
    expect(status).toBe(400)
    expect((body as ErrorBody).errors[0]!.message).toMatch(message)
  })

  it('serves the largest allowed page', async () => {
    const { status, body } = await json('/api/topics?limit=100&depth=0')
    expect(status).toBe(200)
    expect((body as { limit: number }).limit).toBe(100)
  })

  it('gives an omitted depth the default of 1', async () => {
    const { body } = await json('/api/articles?limit=1')
    const [story] = (body as { docs: { topics?: unknown[] }[] }).docs
    expect(typeof story!.topics?.[0]).toBe('object')
  })

  it('checks a read sent as POST with X-Payload-HTTP-Method-Override the same way', async () => {
    const response = await get('/api/articles', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
      },
      body: 'limit=1000',
    })
    expect(response.status).toBe(400)
    const ok = await get('/api/articles', {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-payload-http-method-override': 'GET',
      },
      body: 'limit=1&depth=0',
    })
    expect(ok.status).toBe(200)
  })

  const graphql = (query: string, variables?: Record<string, unknown>) =>
    json('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })

  it.each([
    ['limit: 0', '{ Articles(limit: 0) { totalDocs } }', undefined],
    ['limit: 1000', '{ Articles(limit: 1000) { totalDocs } }', undefined],
    ['pagination: false', '{ Interns(pagination: false) { totalDocs } }', undefined],
    ['a limit in a variable', 'query ($n: Int) { Topics(limit: $n) { totalDocs } }', { n: 500 }],
  ])('GraphQL %s -> 400', async (_name, query, variables) => {
    const { status, body } = await graphql(query, variables)
    expect(status).toBe(400)
    expect((body as ErrorBody).errors[0]!.message).toMatch(/limit|pagination/)
  })

  it('GraphQL within bounds answers', async () => {
    const { status, body } = await graphql('{ Articles(limit: 5) { totalDocs docs { title } } }')
    expect(status).toBe(200)
    expect((body as { data: { Articles: { totalDocs: number } } }).data.Articles.totalDocs).toBeGreaterThan(0)
  })
})

describe('malformed queries get a 4xx with a message, never a 500', () => {
  it.each([
    '/api/articles?where[publishedAt][greater_than]=notadate',
    '/api/articles?where=garbage',
    '/api/articles?where[title]=plain',
    '/api/articles?where[title][in][x]=b',
    '/api/articles?where[title][nonsense]=x',
    '/api/articles?where[or]=notalist',
    '/api/articles?where[topics][in]=abc',
    '/api/articles?where[id][equals]=1;drop',
    '/api/articles?where[title][exists]=maybe',
    '/api/interns?where[year][greater_than]=abc',
    '/api/articles?sort=nope',
    '/api/articles/abc',
    '/api/articles/1.5',
    '/api/articles/count?where[publishedAt][less_than]=yesterday',
  ])('%s', async (pathname) => {
    const { status, body } = await json(pathname)
    expectCleanError(status, body)
  })

  it('answers an id that does not exist with 404', async () => {
    const { status, body } = await json(`/api/articles/${ABSENT_ID}`)
    expect(status).toBe(404)
    expectCleanError(status, body)
  })

  it('still accepts well-formed filters of every kind', async () => {
    const topics = await payload.find({ collection: 'topics', depth: 0, limit: 2, overrideAccess: true })
    for (const pathname of [
      '/api/articles?where[publishedAt][greater_than]=2020-01-01',
      '/api/articles?where[title][like]=faxe',
      `/api/articles?where[topics][in]=${topics.docs.map((t) => t.id).join(',')},${ABSENT_ID}`,
      '/api/articles?where[or][0][title][like]=faxe&where[or][1][lead][like]=faxe',
      '/api/articles?where[featuredQuote][exists]=true',
      '/api/articles?sort=-publishedAt,title',
      '/api/interns?where[year][greater_than]=2000',
    ]) {
      expect((await get(pathname)).status, pathname).toBe(200)
    }
  })
})

describe('caching', () => {
  it('gives anonymous reads a short public Cache-Control and an ETag, and 304 for a matching If-None-Match', async () => {
    const first = await get('/api/articles?limit=1&depth=0')
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60')
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[\w-]+"$/)
    const again = await get('/api/articles?limit=1&depth=0', { headers: { 'if-none-match': etag! } })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    expect(again.headers.get('etag')).toBe(etag)
    const other = await get('/api/articles?limit=1&depth=0', {
      headers: { 'if-none-match': '"something-else"' },
    })
    expect(other.status).toBe(200)
  })

  it('marks authenticated responses private, no-store and gives them no ETag', async () => {
    const editor = await restLogin(payload, 'editor')
    const response = await get('/api/articles?limit=1&depth=0', authed(editor.token))
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('etag')).toBeNull()
  })

  it('does not let errors be stored', async () => {
    const response = await get('/api/articles?limit=1000')
    expect(response.headers.get('cache-control')).toBe('no-store')
  })
})

describe('CORS', () => {
  it('lets a listed origin read without credentials', async () => {
    const response = await get('/api/articles?limit=1&depth=0', { headers: { origin: READER } })
    expect(response.headers.get('access-control-allow-origin')).toBe(READER)
    expect(response.headers.get('access-control-allow-credentials')).toBeNull()
    expect(response.headers.get('vary')).toMatch(/Origin/)
  })

  it('gives an unlisted origin no CORS headers', async () => {
    const response = await get('/api/articles?limit=1&depth=0', { headers: { origin: STRANGER } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers preflights: GET for listed origins, nothing for others, credentials only for the site', async () => {
    const preflight = (origin: string) =>
      get('/api/articles', {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'GET' },
      })
    const listed = await preflight(READER)
    expect(listed.status).toBe(204)
    expect(listed.headers.get('access-control-allow-origin')).toBe(READER)
    expect(listed.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS')
    expect(listed.headers.get('access-control-allow-credentials')).toBeNull()
    const stranger = await preflight(STRANGER)
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull()
    const site = await preflight(baseUrl())
    expect(site.headers.get('access-control-allow-origin')).toBe(baseUrl())
    expect(site.headers.get('access-control-allow-credentials')).toBe('true')
  })

  it('does not open writes to a listed reader', async () => {
    const response = await get('/api/articles', {
      method: 'POST',
      headers: { origin: READER, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'x' }),
    })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('OpenAPI', () => {
  const PUBLIC_COLLECTIONS = ['articles', 'pages', 'quotes', 'interns', 'contacts', 'topics', 'media']

  it('serves a valid OpenAPI 3.1 document listing every public collection and global', async () => {
    const { status, body, response } = await json('/api/openapi.json')
    expect(status).toBe(200)
    expect(response.headers.get('etag')).toBeTruthy()
    const doc = body as {
      openapi: string
      paths: Record<string, unknown>
      components: { schemas: Record<string, { properties: Record<string, unknown> }> }
    }
    expect(doc.openapi).toBe('3.1.0')
    const result = await new Validator().validate(doc as never)
    expect(result.errors ?? []).toEqual([])
    expect(result.valid).toBe(true)
    for (const slug of PUBLIC_COLLECTIONS) {
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining([`/api/${slug}`, `/api/${slug}/{id}`, `/api/${slug}/count`]),
      )
    }
    for (const slug of ['site', 'footer', 'navigation'])
      expect(doc.paths).toHaveProperty([`/api/globals/${slug}`])
    expect(Object.keys(doc.paths).filter((p) => p.startsWith('/api/users'))).toEqual([])
    const intern = doc.components.schemas.Intern!.properties
    expect(intern).toHaveProperty('name')
    expect(Object.keys(intern).filter((k) => /consent/i.test(k))).toEqual([])
    expect(doc.components.schemas.Article!.properties).not.toHaveProperty('searchIndex')
  })

  it('has a readable reference page at /api/docs', async () => {
    const response = await get('/api/docs')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Indholds-API')
    expect(html).toContain('GET /api/articles/{id}')
    expect(html).toContain('href="/api/openapi.json"')
  })
})
