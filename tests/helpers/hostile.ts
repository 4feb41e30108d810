import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { editorState, type LinkNode, paragraph, text } from '@/seeds/lexical'
import { get } from './http'
import { authed } from './rest'

/**
 * A hostile story in the test fixtures: every text field of an article, quote, intern, contact, topic and
 * page carries script tags, an attribute break-out, a bare `</script>` and javascript:/data: "links", and
 * the rich text carries real links to javascript: and data: URLs. Written over REST as an editor (so the
 * server's hooks refresh its caches, as for any save); the rich-text links are then put straight into the
 * database, because the editor refuses them on save (lib/richtext/safe-url.ts): the test is about what the
 * site renders if one gets there anyway (an older row, an import).
 */

export const MARK = `FJENDTLIG-${randomBytes(3).toString('hex')}`
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '</script>',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
]
export const HOSTILE = `${MARK} ${PAYLOADS.join(' ')}`
/** For fields with a short maximum (the SEO title: 70 characters). */
export const HOSTILE_SHORT = `"><img src=x onerror=alert(1)></script><script>alert(1)</script>`
export const BAD_HREFS = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']

const link = (url: string): LinkNode => ({
  type: 'link',
  version: 3,
  format: '',
  indent: 0,
  direction: 'ltr',
  fields: { linkType: 'custom', url, newTab: false },
  children: [text(`link til ${url}`)],
})
const richText = (links: string[]) => editorState([paragraph(HOSTILE), paragraph(links.map(link))])

export type HostileFixture = {
  article: { id: number; slug: string }
  page: { id: number; slug: string }
  topic: { id: number; slug: string }
  intern: { id: number; slug: string }
  contact: { id: number }
  quote: { id: number }
}

async function create<T>(token: string, collection: string, data: Record<string, unknown>): Promise<T> {
  const response = await get(
    `/api/${collection}`,
    authed(token, { method: 'POST', body: JSON.stringify(data) }),
  )
  const body = (await response.json()) as { doc?: T; errors?: unknown }
  if (response.status !== 201 || !body.doc) {
    throw new Error(`creating ${collection}: ${response.status} ${JSON.stringify(body.errors)}`)
  }
  return body.doc
}

export async function createHostileFixture(payload: Payload, token: string): Promise<HostileFixture> {
  const topic = await create<{ id: number; slug: string }>(token, 'topics', {
    name: `Emne ${HOSTILE}`,
    description: HOSTILE,
  })
  const intern = await create<{ id: number; slug: string }>(token, 'interns', {
    name: `Praktikant ${HOSTILE}`,
    role: HOSTILE,
    organisation: HOSTILE,
    programme: HOSTILE,
    bio: HOSTILE,
    publicationConsent: true,
    consentRecordedAt: new Date().toISOString(),
    consentNote: HOSTILE,
  })
  const contact = await create<{ id: number }>(token, 'contacts', {
    name: `Kontakt ${HOSTILE}`,
    title: HOSTILE,
    organisation: HOSTILE,
    email: 'fjendtlig@test.faxe.invalid',
  })
  const article = await create<{ id: number; slug: string }>(token, 'articles', {
    title: `Historie ${HOSTILE}`,
    lead: HOSTILE,
    body: richText([]),
    topics: [topic.id],
    interns: [intern.id],
    contacts: [contact.id],
    seo: { title: HOSTILE_SHORT, description: HOSTILE },
    _status: 'published',
  })
  const quote = await create<{ id: number }>(token, 'quotes', {
    text: `Citat ${HOSTILE}`,
    attribution: HOSTILE,
    speaker: { relationTo: 'interns', value: intern.id },
    article: article.id,
  })
  const page = await create<{ id: number; slug: string }>(token, 'pages', {
    title: `Side ${HOSTILE}`,
    lead: HOSTILE,
    body: richText([]),
    seo: { title: HOSTILE_SHORT, description: HOSTILE },
    _status: 'published',
  })
  // The featured quote and the unsafe links, written where the editor's validation does not look.
  const publish = await get(
    `/api/articles/${article.id}`,
    authed(token, {
      method: 'PATCH',
      body: JSON.stringify({ featuredQuote: quote.id, _status: 'published' }),
    }),
  )
  if (publish.status !== 200) throw new Error(`featured quote: ${publish.status} ${await publish.text()}`)
  for (const [collection, id] of [
    ['articles', article.id],
    ['pages', page.id],
  ] as const) {
    await payload.db.updateOne({ collection, id, data: { body: richText(BAD_HREFS) } })
  }
  return { article, page, topic, intern, contact, quote }
}

/** Deleted over REST, so the pages that listed it are refreshed for the tests that run after. */
export async function deleteHostileFixture(token: string, fixture: HostileFixture): Promise<void> {
  for (const [collection, id] of [
    ['quotes', fixture.quote.id],
    ['articles', fixture.article.id],
    ['pages', fixture.page.id],
    ['interns', fixture.intern.id],
    ['contacts', fixture.contact.id],
    ['topics', fixture.topic.id],
  ] as const) {
    const response = await get(`/api/${collection}/${id}`, authed(token, { method: 'DELETE' }))
    if (response.status !== 200) throw new Error(`deleting ${collection} ${id}: ${response.status}`)
  }
}
