import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gqlId, graphql } from '../helpers/graphql'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Two editors on one document. Payload's document locking (on by default): while one editor has a
 * document open in the admin (a lock, renewed as they work, valid five minutes), another's save is refused
 * with 423 Locked, through REST and, with our hook, GraphQL. Taking over is an explicit choice.
 */

type LoggedIn = TestUser & { token: string }

let payload: Payload
let first: LoggedIn
let second: LoggedIn
let firstAdmin: LoggedIn
let secondAdmin: LoggedIn
let articleId: DefaultDocumentIDType

/** The lock the admin takes when an editor opens a document. */
async function lock(
  user: LoggedIn,
  target: { article: DefaultDocumentIDType } | { global: 'footer' },
  minutesAgo = 0,
) {
  const created = await payload.create({
    collection: 'payload-locked-documents',
    data: {
      ...('article' in target
        ? { document: { relationTo: 'articles' as const, value: target.article } }
        : { globalSlug: target.global }),
      user: { relationTo: 'users', value: user.id },
    },
    overrideAccess: true,
  })
  if (minutesAgo > 0) {
    await payload.db.updateOne({
      collection: 'payload-locked-documents',
      id: created.id,
      data: { updatedAt: new Date(Date.now() - minutesAgo * 60_000).toISOString() },
    })
  }
}

async function unlockAll(): Promise<void> {
  await payload.delete({
    collection: 'payload-locked-documents',
    where: { id: { exists: true } },
    overrideAccess: true,
  })
}

const patch = (user: LoggedIn, query = '') =>
  get(
    `/api/articles/${articleId}${query}`,
    authed(user.token, { method: 'PATCH', body: JSON.stringify({ lead: `Skrevet af ${user.email}` }) }),
  )

beforeAll(async () => {
  payload = await testPayload()
  first = await restLogin(payload, 'editor')
  second = await restLogin(payload, 'editor')
  firstAdmin = await restLogin(payload, 'admin')
  secondAdmin = await restLogin(payload, 'admin')
  const article = await payload.create({
    collection: 'articles',
    data: { title: 'Historie to redaktører arbejder på' },
    overrideAccess: true,
    context: testContext,
  })
  articleId = article.id
})

afterAll(async () => {
  await unlockAll()
  await removeDocument(payload, 'articles', articleId)
  for (const user of [first, second, firstAdmin, secondAdmin]) await deleteUser(payload, user)
})

describe('a document one editor has open', () => {
  it("refuses another editor's save through REST with 423, and keeps the lock", async () => {
    await lock(first, { article: articleId })
    const response = await patch(second)
    expect(response.status).toBe(423)
    const { errors } = (await response.json()) as { errors: { message: string }[] }
    expect(errors[0]?.message).toMatch(/locked by another user/)
    expect(await payload.count({ collection: 'payload-locked-documents' })).toMatchObject({ totalDocs: 1 })
    const stored = await payload.findByID({ collection: 'articles', id: articleId, depth: 0 })
    expect(stored.lead ?? null).toBeNull()
  })

  it('refuses it through GraphQL too (Payload 3.90 alone would let it through and drop the lock)', async () => {
    const result = await graphql(
      `mutation { updateArticle(id: ${gqlId(articleId)}, data: { lead: "Via GraphQL" }) { id lead } }`,
      second.token,
    )
    expect(result.errors?.[0]?.extensions?.statusCode).toBe(423)
    const deleted = await graphql(`mutation { deleteArticle(id: ${gqlId(articleId)}) { id } }`, second.token)
    expect(deleted.errors?.[0]?.extensions?.statusCode).toBe(423)
    expect(await payload.count({ collection: 'payload-locked-documents' })).toMatchObject({ totalDocs: 1 })
  })

  it("refuses another editor's delete through REST", async () => {
    const response = await get(`/api/articles/${articleId}`, authed(second.token, { method: 'DELETE' }))
    expect(response.status).toBe(423)
  })

  it('lets the editor who has it open save', async () => {
    expect((await patch(first)).status).toBe(200)
  })

  it('lets another editor take over only by saying so (?overrideLock=true, as the admin\'s "take over" does)', async () => {
    await lock(first, { article: articleId })
    expect((await patch(second, '?overrideLock=true')).status).toBe(200)
  })

  it('lets another editor save once the lock has expired (five minutes without activity)', async () => {
    await unlockAll()
    await lock(first, { article: articleId }, 6)
    expect((await patch(second)).status).toBe(200)
  })

  it('locks the site settings the same way', async () => {
    await unlockAll()
    await lock(firstAdmin, { global: 'footer' })
    const response = await get(
      '/api/globals/footer',
      authed(secondAdmin.token, { method: 'POST', body: JSON.stringify({ editorLine: 'Overskrevet' }) }),
    )
    expect(response.status).toBe(423)
    const viaGraphQL = await graphql(
      `
        mutation {
          updateFooter(data: { editorLine: "Overskrevet" }) {
            editorLine
          }
        }
      `,
      secondAdmin.token,
    )
    expect(viaGraphQL.errors?.[0]?.extensions?.statusCode).toBe(423)
    const footer = await payload.findGlobal({ slug: 'footer' })
    expect(footer.editorLine).not.toBe('Overskrevet')
  })
})
