import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/** Free pages (the `pages` collection at /<slug>) and the about page. */

let payload: Payload
let draftPageId: DefaultDocumentIDType

beforeAll(async () => {
  payload = await testPayload()
  const draft = await payload.create({
    collection: 'pages',
    data: { title: 'Hemmelig side', lead: 'Kladde', _status: 'draft' },
    draft: true,
    overrideAccess: true,
    context: testContext,
  })
  draftPageId = draft.id
})

afterAll(async () => {
  await removeDocument(payload, 'pages', draftPageId)
})

describe('free pages', () => {
  it('serves the seeded privacy page, which says the site sets no cookies', async () => {
    const response = await get('/privatlivspolitik')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Privatlivspolitik</h1>')
    expect(html).toContain('Sitet sætter ingen cookies')
    expect(html).toContain('samtykke til offentliggørelse')
    expect(html).toContain('<link rel="canonical" href="http://127.0.0.1:')
  })

  it('links the accessibility statement and the privacy page from the footer of every page', async () => {
    const html = await (await get('/')).text()
    expect(html).toMatch(/<a href="\/tilgaengelighedserklaering">Tilgængelighedserklæring<\/a>/)
    expect(html).toMatch(/<a href="\/privatlivspolitik">Privatlivspolitik<\/a>/)
    const statement = await get('/tilgaengelighedserklaering')
    expect(statement.status).toBe(200)
    expect(await statement.text()).toContain('WCAG 2.1 på niveau AA')
  })

  it('does not serve a draft page', async () => {
    expect((await get('/hemmelig-side')).status).toBe(404)
    expect((await get(`/api/pages/${draftPageId}`)).status).toBe(404)
  })

  it("refuses a slug that one of the site's own sections uses", async () => {
    await expect(
      payload.create({
        collection: 'pages',
        data: { title: 'Historier', _status: 'published' },
        overrideAccess: true,
        context: testContext,
      }),
    ).rejects.toMatchObject({
      data: {
        errors: [{ path: 'slug', message: expect.stringMatching(/"historier" bruges allerede af sitet/) }],
      },
    })
  })
})

describe('/om', () => {
  it('tells about the programme from the site settings', async () => {
    const response = await get('/om')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Om Faxe i Fællesskab</h1>')
    expect(html).toContain('Faxe Kommunes program for innovation og udvikling')
    expect(html).toContain('SAMMEN kan vi MERE')
  })
})
