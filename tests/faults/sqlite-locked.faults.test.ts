import type { ChildProcessWithoutNullStreams } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import {
  holdExclusiveLock,
  isCompleteHtml,
  logEntries,
  pause,
  release,
  removeBuilds,
  startOwnServer,
} from '../helpers/faults'
import { removeDocument, testPayload } from '../helpers/payload'
import { createUser, deleteUser, type TestUser } from '../helpers/users'
import { PATHS } from '@/lib/paths'
import type { RunningServer } from '@/scripts/lib/server'

/**
 * The SQLite file locked by another process (a backup tool, a `sqlite3` shell left in a transaction): a
 * separate process holds `BEGIN EXCLUSIVE`. The site keeps reading (WAL mode lets readers past a writer),
 * a write waits for the busy timeout (5 s, lib/database.ts) and is then answered with the Danish 503,
 * never a 500; once the lock is gone the same write goes through and nothing is lost.
 */

let payload: Payload
let editor: TestUser
let token: string
let server: RunningServer
let holder: ChildProcessWithoutNullStreams | undefined
const createdTopics: (string | number)[] = []

beforeAll(async () => {
  payload = await testPayload()
  editor = await createUser(payload, 'editor')
  server = await startOwnServer('sqlite-locked')
  const login = await fetch(`${server.url}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: editor.email, password: editor.password }),
  })
  expect(login.status).toBe(200)
  token = ((await login.json()) as { token: string }).token
})

afterAll(async () => {
  holder?.kill('SIGKILL')
  await server?.stop()
  for (const id of createdTopics) await removeDocument(payload, 'topics', id)
  if (editor) await deleteUser(payload, editor)
  removeBuilds()
})

const createTopic = (name: string) =>
  fetch(`${server.url}/api/topics`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `JWT ${token}` },
    body: JSON.stringify({ name }),
  })

describe('SQLite locked by another process', () => {
  it('keeps reading, answers a write with a Danish 503 after the busy timeout, and loses nothing', async () => {
    const uri = inject('testEnv').DATABASE_URI as string
    expect(uri.startsWith('file:')).toBe(true)
    const title = `Låst emne ${randomBytes(4).toString('hex')}`
    const before = await payload.count({ collection: 'topics', overrideAccess: true })

    holder = await holdExclusiveLock(uri.slice('file:'.length))

    const page = await fetch(`${server.url}${PATHS.stories}`)
    expect(page.status).toBe(200)
    expect(isCompleteHtml(await page.text())).toBe(true)
    const read = await fetch(`${server.url}/api/topics?limit=1&depth=0`)
    expect(read.status).toBe(200)

    const started = Date.now()
    const refusing = createTopic(title)
    // A reader arriving while the write waits for the lock: answered, but only when the wait is over,
    // since the SQLite driver waits synchronously (README, "When things fail").
    await pause(1_000)
    const readStarted = Date.now()
    const during = await fetch(`${server.url}${PATHS.stories}`)
    expect(during.status).toBe(200)
    expect(isCompleteHtml(await during.text())).toBe(true)
    const readMs = Date.now() - readStarted
    const refused = await refusing
    const waited = Date.now() - started
    console.log(
      `[sqlite locked] the write waited ${waited} ms; a page read during the wait took ${readMs} ms`,
    )
    const requestId = refused.headers.get('x-request-id')
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('30')
    expect(await refused.json()).toEqual({
      errors: [{ message: `Databasen svarer ikke lige nu. Prøv igen om lidt. Fejlkode: ${requestId}` }],
    })
    // It waited for the lock (the busy timeout) before giving up, rather than failing at once.
    expect(waited).toBeGreaterThanOrEqual(4_500)
    // Written when the response has gone out, so it may reach the log just after the answer.
    const line = await vi.waitFor(() => {
      const found = logEntries(server).find((entry) => entry.requestId === requestId)
      expect(found).toMatchObject({
        event: 'request-error',
        status: 503,
        method: 'POST',
        path: '/api/topics',
      })
      return found
    })
    expect(String(line?.cause)).toMatch(/SQLITE_BUSY|database is locked/)

    await release(holder)
    holder = undefined

    const accepted = await createTopic(title)
    expect(accepted.status).toBe(201)
    const { doc } = (await accepted.json()) as { doc: { id: string | number } }
    createdTopics.push(doc.id)
    // Exactly one topic more: the refused write left nothing behind, the retry is there once.
    expect(await payload.count({ collection: 'topics', overrideAccess: true })).toEqual({
      totalDocs: before.totalDocs + 1,
    })
    const found = await payload.find({
      collection: 'topics',
      where: { name: { equals: title } },
      overrideAccess: true,
    })
    expect(found.docs.map((topic) => topic.id)).toEqual([doc.id])
    // And one audit entry: the refused write's entry went with its transaction.
    const audit = await payload.find({
      collection: 'audit-log',
      where: { documentTitle: { equals: title } },
      overrideAccess: true,
    })
    expect(audit.docs.map((entry) => String(entry.documentId))).toEqual([String(doc.id)])
  })
})
