import { randomBytes } from 'node:crypto'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'
import { skipWithout } from '../helpers/database'

/**
 * Scheduled publishing fires with nobody at the keyboard: the server calls Payload's jobs endpoint every
 * 10 seconds (scripts/lib/job-scheduler.ts), the due job publishes and unpublishes inside that request, and
 * the pages change, lists included, because its hooks revalidate after the commit like an editor's save.
 */

let payload: Payload
let editor: TestUser & { token: string }
let articleId: DefaultDocumentIDType
let slug: string

/** How long the test waits for the scheduler: its 10-second tick plus a margin for the first render. */
const WITHIN_MS = 25_000

async function until(check: () => Promise<boolean>, what: string): Promise<number> {
  const started = Date.now()
  await vi.waitFor(
    async () => {
      if (!(await check())) throw new Error(`${what} did not happen within ${WITHIN_MS / 1000} s`)
    },
    { timeout: WITHIN_MS, interval: 250 },
  )
  return Date.now() - started
}

/** Queues the job the admin's "Planlæg udgivelse" queues: the document, the type and the scheduling user. */
async function schedule(type: 'publish' | 'unpublish', inMs: number): Promise<void> {
  await payload.jobs.queue({
    task: 'schedulePublish',
    input: {
      type,
      doc: { relationTo: 'articles', value: articleId },
      user: { relationTo: 'users', value: editor.id },
    },
    waitUntil: new Date(Date.now() + inMs),
  })
}

const storyIsListed = async () =>
  (await (await get('/historier')).text()).includes(`href="/historier/${slug}"`)

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  const title = `Planlagt historie ${randomBytes(3).toString('hex')}`
  const response = await get(
    '/api/articles?draft=true',
    authed(editor.token, { method: 'POST', body: JSON.stringify({ title, lead: 'Udkommer af sig selv' }) }),
  )
  const { doc } = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
  articleId = doc.id
  slug = doc.slug
})

afterAll(async () => {
  await removeDocument(payload, 'articles', articleId)
  await payload.delete({
    collection: 'payload-jobs',
    where: { taskSlug: { equals: 'schedulePublish' } },
    overrideAccess: true,
  })
  await deleteUser(payload, editor)
})

describe('scheduled publishing', () => {
  it('publishes when its time comes: the story page and the (cached) story list show it', async () => {
    // The list is rendered and cached now, without the story.
    expect(await storyIsListed()).toBe(false)
    expect((await get(`/historier/${slug}`)).status).toBe(404)

    await schedule('publish', 2_000)
    // Not before its time.
    expect((await get(`/historier/${slug}`)).status).toBe(404)

    await until(async () => (await get(`/historier/${slug}`)).status === 200, 'the scheduled publish')
    await until(storyIsListed, 'the story list showing the story')

    const stored = await payload.findByID({ collection: 'articles', id: articleId, depth: 0 })
    expect(stored._status).toBe('published')
    // Published on the editor's behalf: the version and the audit log name the editor who scheduled it.
    expect(stored.updatedBy).toBe(editor.id)
    const { docs } = await payload.find({
      collection: 'audit-log',
      where: { and: [{ targetSlug: { equals: 'articles' } }, { documentId: { equals: String(articleId) } }] },
      sort: '-createdAt',
      limit: 1,
      overrideAccess: true,
    })
    expect([docs[0]?.action, docs[0]?.user]).toEqual(['published', editor.id])
  }, 60_000)

  it('removes the job once it ran without error', async (ctx) => {
    // Payload's `deleteJobOnComplete` deletes the job by id; a failed one would stay.
    skipWithout(ctx, 'findAndModify remove')
    const jobs = await payload.count({
      collection: 'payload-jobs',
      where: { taskSlug: { equals: 'schedulePublish' } },
    })
    expect(jobs.totalDocs).toBe(0)
  })

  it('unpublishes when its time comes: the page is gone and the list no longer shows it', async () => {
    await schedule('unpublish', 1_000)
    await until(async () => (await get(`/historier/${slug}`)).status === 404, 'the scheduled unpublish')
    await until(async () => !(await storyIsListed()), 'the story list dropping the story')
    const stored = await payload.findByID({ collection: 'articles', id: articleId, depth: 0, draft: false })
    expect(stored._status).toBe('draft')
  }, 60_000)
})
