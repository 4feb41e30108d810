import fc from 'fast-check'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/**
 * Random REST query strings (fast-check) against every public collection and global, anonymously:
 * random shapes of where, limit, page, depth, sort, select, populate, draft and locale, including the
 * shapes `qs` makes of `x[]=`, `x[0]=`, `x[a]=` and repeats. Whatever comes in: never a 5xx, never more
 * than 100 documents, never a draft, never a hidden field (consent records, search index, users,
 * authorship), never a stack trace or SQL text.
 *
 * `npm test` runs a fixed seed (FUZZ_SEED, FUZZ_RUNS override it); `npm run test:fuzz` a bigger run.
 */

const SEED = Number(process.env.FUZZ_SEED ?? 20261130)
const RUNS = Number(process.env.FUZZ_RUNS ?? 150)

const DRAFT_TITLE = 'FUZZ-KLADDE aldrig offentlig'
const HIDDEN_INTERN = 'FUZZ-SKJULT praktikant'
const HIDDEN_NOTE = 'FUZZ-NOTE samtykke'

let payload: Payload
const created: { collection: 'articles' | 'interns'; id: DefaultDocumentIDType }[] = []

beforeAll(async () => {
  payload = await testPayload()
  const draft = await payload.create({
    collection: 'articles',
    data: { title: DRAFT_TITLE, lead: DRAFT_TITLE, _status: 'draft' },
    draft: true,
    overrideAccess: true,
    context: testContext,
  })
  const intern = await payload.create({
    collection: 'interns',
    data: { name: HIDDEN_INTERN, publicationConsent: false, consentNote: HIDDEN_NOTE },
    overrideAccess: true,
    context: testContext,
  })
  created.push({ collection: 'articles', id: draft.id }, { collection: 'interns', id: intern.id })
})

afterAll(async () => {
  for (const { collection, id } of created) {
    await removeDocument(payload, collection, id)
  }
})

const PATHS = [
  '/api/articles',
  '/api/articles/count',
  '/api/pages',
  '/api/quotes',
  '/api/interns',
  '/api/contacts',
  '/api/topics',
  '/api/media',
  '/api/redirects',
  '/api/globals/site',
  '/api/globals/footer',
  '/api/globals/navigation',
]

/** Real field names, hidden ones among them, relation paths, and nonsense. */
const FIELDS = [
  'id',
  'title',
  'slug',
  'lead',
  'name',
  '_status',
  'publishedAt',
  'topics',
  'topics.name',
  'interns',
  'interns.consentNote',
  'interns.publicationConsent',
  'publicationConsent',
  'consentNote',
  'consentRecordedAt',
  'searchIndex',
  'createdBy',
  'createdBy.email',
  'updatedBy.role',
  'email',
  'password',
  'hash',
  'heroImage.alt',
  'photo',
  'year',
  'x',
  '',
]
const OPERATORS = [
  'equals',
  'not_equals',
  'like',
  'contains',
  'in',
  'not_in',
  'all',
  'exists',
  'greater_than',
  'less_than_equal',
  'near',
  'nonsense',
]

const scalar = fc.oneof(
  fc.integer({ min: -5, max: 250 }).map(String),
  fc.constantFrom(
    '0',
    '1',
    '100',
    '101',
    'true',
    'false',
    'null',
    '',
    '%',
    '_',
    '\\',
    "'",
    '1e3',
    'abc',
    '2026-01-01',
  ),
  fc.string({ maxLength: 8 }),
)

/** A parameter in one of the shapes qs turns into a scalar, an array, an object or a repeat. */
const shaped = (name: string, value: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.constantFrom('plain', 'brackets', 'index', 'key', 'repeat'), value, value)
    .map(([shape, a, b]) => {
      const v = encodeURIComponent(a)
      switch (shape) {
        case 'brackets':
          return `${name}[]=${v}`
        case 'index':
          return `${name}[0]=${v}`
        case 'key':
          return `${name}[k]=${v}`
        case 'repeat':
          return `${name}=${v}&${name}=${encodeURIComponent(b)}`
        default:
          return `${name}=${v}`
      }
    })

const wherePath = fc
  .tuple(
    fc.constantFrom('', 'or][0][', 'and][1][', 'or][0][and][0]['),
    fc.constantFrom(...FIELDS),
    fc.constantFrom(...OPERATORS),
  )
  .map(([prefix, field, operator]) => `where[${prefix}${field}][${operator}]`)
const where = fc
  .tuple(wherePath, scalar, fc.constantFrom('', '[]', '[0]', '[x]'))
  .map(([path, value, suffix]) => `${path}${suffix}=${encodeURIComponent(value)}`)

const fieldList = fc.array(
  fc.tuple(fc.boolean(), fc.constantFrom(...FIELDS)).map(([desc, f]) => `${desc ? '-' : ''}${f}`),
  { maxLength: 3 },
)
const sort = fc.oneof(
  fieldList.map((fields) => `sort=${encodeURIComponent(fields.join(','))}`),
  shaped('sort', fc.constantFrom(...FIELDS)),
)
const select = fc
  .tuple(
    fc.constantFrom('select', 'populate[interns]', 'populate[users]', 'populate[media]', 'populate'),
    fc.constantFrom(...FIELDS),
    fc.constantFrom('true', 'false', 'x'),
  )
  .map(([param, field, value]) => `${param}[${field}]=${value}`)

const param = fc.oneof(
  where,
  shaped('limit', scalar),
  shaped('page', scalar),
  shaped('depth', scalar),
  shaped('pagination', fc.constantFrom('true', 'false', '0')),
  sort,
  select,
  shaped('draft', fc.constantFrom('true', 'false', '1')),
  shaped('locale', fc.constantFrom('da', 'en', '*', 'all', 'xx')),
  shaped('trash', fc.constantFrom('true', 'false')),
)

const request = fc.record({
  path: fc.constantFrom(...PATHS),
  query: fc.array(param, { minLength: 0, maxLength: 5 }),
})

const HIDDEN_KEYS = [
  'consentNote',
  'publicationConsent',
  'consentRecordedAt',
  'searchIndex',
  'createdBy',
  'updatedBy',
  'hash',
  'salt',
  'resetPasswordToken',
  'loginAttempts',
  'lockUntil',
]

function checkAnswer(status: number, text: string, url: string): void {
  expect(status, url).toBeLessThan(500)
  expect(text, url).not.toMatch(/stack|SELECT |sqlite|drizzle|SQLITE_|syntax error|at \w+ \(|node_modules/i)
  expect(text, url).not.toContain(DRAFT_TITLE)
  expect(text, url).not.toContain(HIDDEN_INTERN)
  expect(text, url).not.toContain(HIDDEN_NOTE)
  if (status !== 200 || !text.startsWith('{')) return
  // (A 400 names the path the client asked for, hidden or not, in the same words: that is no leak.)
  for (const key of HIDDEN_KEYS) expect(text, `${url}: ${key}`).not.toContain(`"${key}"`)
  const body = JSON.parse(text) as { docs?: { _status?: string }[] }
  if (Array.isArray(body.docs)) {
    expect(body.docs.length, url).toBeLessThanOrEqual(100)
    for (const doc of body.docs) expect(doc._status, url).not.toBe('draft')
  }
}

describe('the REST query string under random input', () => {
  it(`holds its contract for ${RUNS} random queries (seed ${SEED})`, async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query }) => {
        const url = `${path}${query.length ? `?${query.join('&')}` : ''}`
        const response = await get(url)
        checkAnswer(response.status, await response.text(), url)
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    )
  })

  it('also through a method-override form body', async () => {
    await fc.assert(
      fc.asyncProperty(request, async ({ path, query }) => {
        const response = await get(path, {
          method: 'POST',
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'x-payload-http-method-override': 'GET',
          },
          body: query.join('&'),
        })
        checkAnswer(response.status, await response.text(), `${path} (override) ${query.join('&')}`)
      }),
      { seed: SEED + 1, numRuns: Math.ceil(RUNS / 3), endOnFailure: true },
    )
  })
})
