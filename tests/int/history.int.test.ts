import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { AuditLog } from '@/payload-types'
import { graphql } from '../helpers/graphql'
import { get, getJson } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'
import { skipWithout } from '../helpers/database'

/**
 * Who made it: every document, version and publish records its user; and the audit log lists who created,
 * changed, published, unpublished and deleted what. Changes go through REST, as the admin makes them.
 */

let payload: Payload
let editor: TestUser & { token: string }
let admin: TestUser & { token: string }
let articleId: DefaultDocumentIDType
let slug: string
/**
 * SQLite hands a deleted row's id to the next new row, so earlier tests' documents may have had these ids:
 * only this file's entries count.
 */
const since = new Date().toISOString()

beforeAll(async () => {
  payload = await testPayload()
  admin = await restLogin(payload, 'admin')
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  if (articleId) {
    await payload
      .delete({ collection: 'articles', id: articleId, overrideAccess: true, context: testContext })
      .catch(() => undefined) // the last test deletes it
  }
  await deleteUser(payload, editor)
  await deleteUser(payload, admin)
})

async function entriesFor(targetSlug: string, documentId?: DefaultDocumentIDType): Promise<AuditLog[]> {
  const { docs } = await payload.find({
    collection: 'audit-log',
    where: {
      and: [
        { createdAt: { greater_than_equal: since } },
        { targetSlug: { equals: targetSlug } },
        ...(documentId !== undefined ? [{ documentId: { equals: String(documentId) } }] : []),
      ],
    },
    sort: 'createdAt',
    pagination: false,
    overrideAccess: true,
  })
  return docs
}

const summary = (e: AuditLog) => [e.action, e.user, e.fromStatus ?? null, e.toStatus ?? null]

async function patch(token: string, path: string, body: unknown): Promise<Response> {
  const response = await get(path, authed(token, { method: 'PATCH', body: JSON.stringify(body) }))
  expect(response.status, await response.clone().text()).toBe(200)
  return response
}

describe('a story through its life', () => {
  it('created as a draft by the editor: created by and last changed by the editor', async () => {
    const response = await get(
      '/api/articles?draft=true',
      authed(editor.token, { method: 'POST', body: JSON.stringify({ title: 'Historie med historik' }) }),
    )
    expect(response.status).toBe(201)
    const { doc } = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
    articleId = doc.id
    slug = doc.slug
    const stored = await payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })
    expect(stored.createdBy).toBe(editor.id)
    expect(stored.updatedBy).toBe(editor.id)
    expect((await entriesFor('articles', articleId)).map(summary)).toEqual([
      ['created', editor.id, null, 'draft'],
    ])
  })

  it('nobody can claim someone else made it', async () => {
    await patch(editor.token, `/api/articles/${articleId}?draft=true`, {
      lead: 'Forsøg på at skrive en anden ind',
      createdBy: admin.id,
      updatedBy: admin.id,
    })
    const stored = await payload.findByID({ collection: 'articles', id: articleId, draft: true, depth: 0 })
    expect(stored.createdBy).toBe(editor.id)
    expect(stored.updatedBy).toBe(editor.id)
  })

  it('published by the admin: the version and the log say so', async () => {
    await patch(admin.token, `/api/articles/${articleId}`, { _status: 'published' })
    const stored = await payload.findByID({ collection: 'articles', id: articleId, depth: 0 })
    expect(stored.createdBy).toBe(editor.id)
    expect(stored.updatedBy).toBe(admin.id)
    const entries = await entriesFor('articles', articleId)
    expect(entries.map(summary).at(-1)).toEqual(['published', admin.id, 'draft', 'published'])
    expect(entries.at(-1)?.userName).toBe(`Test Administrator (${admin.email})`)
    expect(entries.at(-1)?.documentTitle).toBe('Historie med historik')
    expect(entries.at(-1)?.targetLabel).toBe('Historie')
  })

  it('a draft saved beside the published story is a change, not an unpublish', async () => {
    await patch(editor.token, `/api/articles/${articleId}?draft=true`, { lead: 'En ny manchet i kladde' })
    expect((await entriesFor('articles', articleId)).map(summary).at(-1)).toEqual([
      'updated',
      editor.id,
      'published',
      'changed',
    ])
    expect((await get(`/historier/${slug}`)).status).toBe(200)
  })

  it('autosaves while typing add one entry per editor and document, not one per keystroke', async () => {
    const before = (await entriesFor('articles', articleId)).length
    for (const lead of ['A', 'Au', 'Aut', 'Auto']) {
      await patch(editor.token, `/api/articles/${articleId}?draft=true&autosave=true`, { lead })
    }
    const after = await entriesFor('articles', articleId)
    // The explicit draft save above was by the same editor a moment ago: no new entry at all.
    expect(after.length).toBe(before)
  })

  it('every version records who made it', async () => {
    const { docs } = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: articleId } },
      sort: 'createdAt',
      depth: 0,
      overrideAccess: true,
    })
    const makers = docs.map((v) => [v.version._status, v.version.updatedBy])
    expect(makers[0]).toEqual(['draft', editor.id])
    expect(makers).toContainEqual(['published', admin.id])
    expect(makers.at(-1)).toEqual(['draft', editor.id])
  })

  it('unpublished by the admin', async () => {
    await patch(admin.token, `/api/articles/${articleId}`, { _status: 'draft' })
    expect((await entriesFor('articles', articleId)).map(summary).at(-1)).toEqual([
      'unpublished',
      admin.id,
      'changed',
      'draft',
    ])
  })

  it('deleted by the editor', async (ctx) => {
    skipWithout(ctx, 'findAndModify remove')
    const response = await get(`/api/articles/${articleId}`, authed(editor.token, { method: 'DELETE' }))
    expect(response.status).toBe(200)
    expect((await entriesFor('articles', articleId)).map(summary).at(-1)).toEqual([
      'deleted',
      editor.id,
      'draft',
      null,
    ])
  })
})

describe('who made it, for other content and the settings', () => {
  it('a topic, a global and a change without a logged-in user ("System")', async () => {
    const created = await get(
      '/api/topics',
      authed(editor.token, { method: 'POST', body: JSON.stringify({ name: 'Emne med historik' }) }),
    )
    const { doc: topic } = (await created.json()) as {
      doc: { id: DefaultDocumentIDType; createdBy: DefaultDocumentIDType }
    }
    expect(topic.createdBy).toBe(editor.id)
    await payload.update({
      collection: 'topics',
      id: topic.id,
      data: { description: 'Ændret af et script' },
      overrideAccess: true,
      context: testContext,
    })
    const stored = await payload.findByID({ collection: 'topics', id: topic.id, depth: 0 })
    expect(stored.updatedBy ?? null).toBeNull()
    const entries = await entriesFor('topics', topic.id)
    expect(entries.map((e) => [e.action, e.user ?? null, e.userName])).toEqual([
      ['created', editor.id, `Test Redaktør (${editor.email})`],
      ['updated', null, 'System'],
    ])
    await removeDocument(payload, 'topics', topic.id)

    const before = await payload.findGlobal({ slug: 'footer', depth: 0 })
    const saved = await get(
      '/api/globals/footer',
      authed(admin.token, { method: 'POST', body: JSON.stringify({ editorLine: before.editorLine }) }),
    )
    expect(saved.status).toBe(200)
    expect((await payload.findGlobal({ slug: 'footer', depth: 0 })).updatedBy).toBe(admin.id)
    const globalEntry = (await entriesFor('footer')).at(-1)
    expect([globalEntry?.action, globalEntry?.user, globalEntry?.targetLabel]).toEqual([
      'updated',
      admin.id,
      'Sidefod',
    ])
  })

  it('anonymous readers never see who made anything, through REST or GraphQL', async () => {
    const { body } = await getJson<{ docs: Record<string, unknown>[] }>('/api/articles?limit=5&depth=1')
    expect(body.docs.length).toBeGreaterThan(0)
    for (const doc of body.docs) {
      expect(doc).not.toHaveProperty('createdBy')
      expect(doc).not.toHaveProperty('updatedBy')
    }
    const footer = await getJson<Record<string, unknown>>('/api/globals/footer')
    expect(footer.body).not.toHaveProperty('updatedBy')
    const viaGraphQL = await graphql<{ Articles: { docs: { createdBy: unknown; updatedBy: unknown }[] } }>(
      '{ Articles(limit: 5) { docs { createdBy { id email } updatedBy { id email } } } }',
    )
    for (const doc of viaGraphQL.data?.Articles.docs ?? []) {
      expect(doc).toEqual({ createdBy: null, updatedBy: null })
    }
  })

  it('an account that made changes can be deleted; the log still names it', async () => {
    const leaving = await restLogin(payload, 'editor')
    const response = await get(
      '/api/quotes',
      authed(leaving.token, {
        method: 'POST',
        body: JSON.stringify({ text: 'Et citat fra en, der rejser' }),
      }),
    )
    const { doc: quote } = (await response.json()) as { doc: { id: DefaultDocumentIDType } }
    await deleteUser(payload, leaving)
    const stored = await payload.findByID({ collection: 'quotes', id: quote.id, depth: 0 })
    expect(stored.createdBy ?? null).toBeNull()
    const [entry] = await entriesFor('quotes', quote.id)
    expect(entry?.user ?? null).toBeNull()
    expect(entry?.userName).toBe(`Test Redaktør (${leaving.email})`)
    await removeDocument(payload, 'quotes', quote.id)
  })

  it('the log lists newest first', async () => {
    const { docs } = await payload.find({ collection: 'audit-log', limit: 20, overrideAccess: true })
    const times = docs.map((d) => d.createdAt)
    expect(times).toEqual([...times].sort().reverse())
  })
})
