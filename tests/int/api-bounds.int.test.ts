import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Issue 10, items 1 and 2: a bound holds for every shape a parser accepts (REST query strings as `qs`
 * reads them, method-override bodies, GraphQL variable defaults, aliases), and the anonymous REST read
 * cache stores only what was computed with no user, whatever the request's headers look like.
 */

type ErrorBody = { errors: { message: string; extensions?: { statusCode?: number } }[] }

let payload: Payload
let editor: TestUser & { token: string }
let hiddenInternId: DefaultDocumentIDType
const SECRET_NOTE = 'Cache-lækage-note: aldrig offentlig'

async function json(pathname: string, init?: RequestInit) {
  const response = await get(pathname, init)
  const text = await response.text()
  return { status: response.status, body: (text ? JSON.parse(text) : null) as unknown, response }
}

const site = () => process.env.SITE_URL as string
const message = (body: unknown) => (body as ErrorBody).errors?.[0]?.message ?? ''

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  const intern = await payload.create({
    collection: 'interns',
    data: {
      name: 'Praktikant uden samtykke (cache)',
      publicationConsent: false,
      consentNote: SECRET_NOTE,
    },
    overrideAccess: true,
    context: testContext,
  })
  hiddenInternId = intern.id
})

afterAll(async () => {
  await removeDocument(payload, 'interns', hiddenInternId)
  await deleteUser(payload, editor)
})

describe('REST: every shape of a bounded parameter is one valid value or a Danish 400', () => {
  it.each([
    ['/api/articles?limit[]=0', /limit/],
    ['/api/articles?limit[0]=0', /limit/],
    ['/api/articles?limit[x]=0', /limit/],
    ['/api/articles?limit=5&limit=0', /limit/],
    ['/api/articles?limit[]=5&limit[]=0', /limit/],
    ['/api/interns?pagination[]=false', /pagination/],
    ['/api/interns?pagination[0]=false', /pagination/],
    ['/api/articles?depth[]=9', /depth/],
    ['/api/articles?depth[a]=9', /depth/],
    ['/api/articles?page[]=0', /page/],
    ['/api/articles?page=1&page=0', /page/],
    ['/api/articles/count?limit[]=0', /limit/],
    ['/api/globals/site?depth[]=9', /depth/],
    ['/api/articles?sort[a]=title', /sort/],
    ['/api/articles?select=title', /select/],
    ['/api/articles?select[title]=yes', /select/],
    ['/api/articles?populate=topics', /populate/],
    ['/api/articles?draft[]=true', /draft/],
  ])('%s -> 400', async (pathname, mentions) => {
    const { status, body } = await json(pathname)
    expect(status).toBe(400)
    expect(message(body)).toMatch(mentions)
    // Danish, and says what to do: the parameter and what is allowed.
    expect(message(body)).toMatch(/skal|må|kan|ikke/)
  })

  it('reads a single valid value the same in every accepted spelling', async () => {
    const plain = await json('/api/topics?limit=2&depth=0&sort=name')
    expect(plain.status).toBe(200)
    expect((plain.body as { limit: number }).limit).toBe(2)
    const repeatedSort = await json('/api/topics?limit=2&depth=0&sort[0]=name')
    expect(repeatedSort.status).toBe(200)
    expect((repeatedSort.body as { docs: unknown[] }).docs).toEqual((plain.body as { docs: unknown[] }).docs)
  })

  it('checks a method-override form body through the same parser', async () => {
    const override = (body: string) =>
      get('/api/articles', {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-payload-http-method-override': 'GET',
        },
        body,
      })
    for (const body of ['limit[]=0', 'limit[0]=0', 'limit=5&limit=0', 'pagination[]=false', 'depth[]=9']) {
      const response = await override(body)
      expect(response.status, body).toBe(400)
    }
    expect((await override('limit=1&depth=0')).status).toBe(200)
  })

  it('refuses a method-override JSON body (Payload would read depth from it on findByID)', async () => {
    const response = await get('/api/articles/1', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-http-method-override': 'GET' },
      body: JSON.stringify({ depth: 100 }),
    })
    expect(response.status).toBe(400)
  })
})

describe('GraphQL: bounds on the executed values, a document cap and an alias cap', () => {
  const graphql = (query: string, variables?: Record<string, unknown>) =>
    json('/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    })

  it.each([
    ['a variable default limit 0', 'query ($l: Int = 0) { Articles(limit: $l) { totalDocs } }', /limit/],
    [
      'a variable default pagination false',
      'query ($p: Boolean = false) { Interns(pagination: $p) { totalDocs } }',
      /pagination/,
    ],
    [
      'a default in a fragment-spread query',
      'query ($l: Int = 1000) { ...F } fragment F on Query { Topics(limit: $l) { totalDocs } }',
      /limit/,
    ],
    [
      'aliases multiplying what one request reads',
      `{ ${Array.from({ length: 5 }, (_, i) => `a${i}: Articles(limit: 100) { docs { id } }`).join(' ')} }`,
      /dokumenter/,
    ],
    [
      'too many aliases',
      `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: Topics(limit: 1) { totalDocs }`).join(' ')} }`,
      /alias/,
    ],
  ])('%s -> 400', async (_name, query, mentions) => {
    const { status, body } = await graphql(query)
    expect(status).toBe(400)
    expect(message(body)).toMatch(mentions)
  })

  it('counts a list without a limit as its default page of 10', async () => {
    const within = `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: Topics { totalDocs }`).join(' ')} }`
    expect((await graphql(within)).status).toBe(200)
  })

  it('still answers a bounded query, also when the bound comes from a default', async () => {
    const { status, body } = await graphql('query ($l: Int = 3) { Articles(limit: $l) { docs { title } } }')
    expect(status).toBe(200)
    expect(
      (body as { data: { Articles: { docs: unknown[] } } }).data.Articles.docs.length,
    ).toBeLessThanOrEqual(3)
  })
})

describe('the anonymous REST read cache cannot leak', () => {
  const variants: [string, (token: string) => Record<string, string>][] = [
    ['a space before the = of payload-token', (t) => ({ cookie: `payload-token =${t}`, origin: site() })],
    [
      'a tab around the cookie name',
      (t) => ({ cookie: `other=1;\tpayload-token\t=${t}`, 'sec-fetch-site': 'same-origin' }),
    ],
    ['no space after the ;', (t) => ({ cookie: `other=1;payload-token=${t}`, origin: site() })],
    ['a JWT authorization header', (t) => ({ authorization: `JWT ${t}` })],
    ['a bearer authorization header', (t) => ({ authorization: `Bearer ${t}` })],
  ]

  it.each(variants)(
    'a request with credentials in %s is neither stored nor public',
    async (name, headers) => {
      const pathname = `/api/interns?limit=100&depth=0&where[name][like]=cache&probe=${encodeURIComponent(name)}`
      const asEditor = await get(pathname, { headers: headers(editor.token) })
      expect(asEditor.status).toBe(200)
      expect(asEditor.headers.get('cache-control')).toBe('private, no-store')
      expect(asEditor.headers.get('etag')).toBeNull()
      await asEditor.text()
      const anonymous = await get(pathname)
      expect(anonymous.status).toBe(200)
      const text = await anonymous.text()
      expect(text).not.toContain('Praktikant uden samtykke (cache)')
      expect(text).not.toContain(SECRET_NOTE)
      expect(anonymous.headers.get('cache-control')).toBe('public, max-age=30, stale-while-revalidate=60')
    },
  )

  it('a cookie that Payload authenticates, whatever its spelling, is answered privately (Payload decides)', async () => {
    const response = await get('/api/users/me', {
      headers: { cookie: `payload-token =${editor.token}`, origin: site() },
    })
    const body = (await response.json()) as { user: { id: DefaultDocumentIDType } | null }
    // This test pins the premise: Payload itself reads the odd spelling as a login.
    expect(body.user?.id).toBe(editor.id)
  })
})
