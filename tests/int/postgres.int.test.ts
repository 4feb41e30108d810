import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TEST_DIST_DIR } from '../helpers/global-setup'
import { childEnv, freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * The same app on PostgreSQL (the local server at 127.0.0.1:5432): migrate and seed through `npm run seed`,
 * then serve the test build against it. The database is created here and dropped afterwards.
 */

const ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
const database = `faxe_test_${randomBytes(4).toString('hex')}`
const databaseUrl = (() => {
  const url = new URL(ADMIN_URL)
  url.pathname = `/${database}`
  return url.toString()
})()
const env = {
  DATABASE_URI: databaseUrl,
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  MEDIA_DIR: path.join(process.env.MEDIA_DIR ?? '/tmp', 'postgres-media'),
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL })
  await client.connect()
  try {
    return await run(client)
  } finally {
    await client.end()
  }
}

function runSeed(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const child = spawn(process.execPath, [tsx, '--conditions=production', 'scripts/seed.ts'], {
      env: childEnv({ ...env, NODE_ENV: 'development' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}

let server: RunningServer | undefined

beforeAll(async () => {
  await admin((c) => c.query(`CREATE DATABASE ${database}`))
}, 30_000)

afterAll(async () => {
  await server?.stop()
  await admin(async (c) => {
    await c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database])
    await c.query(`DROP DATABASE IF EXISTS ${database}`)
  })
}, 30_000)

describe('on PostgreSQL', () => {
  it('migrates and seeds, and a second seed writes nothing', async () => {
    const first = await runSeed()
    expect(first.output).toMatch(/Done: \d+ written/)
    expect(first.code).toBe(0)
    const second = await runSeed()
    expect(second.code).toBe(0)
    expect(second.output).toMatch(/Done: 0 written/)
    const client = new pg.Client({ connectionString: databaseUrl })
    await client.connect()
    const { rows } = await client
      .query<{ count: string }>('SELECT count(*) FROM articles')
      .finally(() => client.end())
    expect(rows[0]?.count).toBe('1')
  }, 120_000)

  it('serves the story page and the REST API from PostgreSQL', async () => {
    server = await startNextServer(TEST_DIST_DIR, env, await freePort())
    const story = await fetch(
      `${server.url}/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene`,
    )
    expect(story.status).toBe(200)
    const html = await story.text()
    expect(html).toContain('Det var et gennemarbejdet og struktureret program, der sikrede en praksisnærhed!')
    expect(html).toContain('mailto:tbrag@faxekommune.dk')

    const api = await fetch(`${server.url}/api/articles`)
    expect(api.status).toBe(200)
    const body = (await api.json()) as { docs: { title: string; _status: string }[] }
    expect(body.docs.map((d) => d.title)).toEqual(['Innovationspraktikanter kiggede Faxe Kommune i kortene'])
    expect((await fetch(`${server.url}/api/users`)).status).toBe(403)
  }, 90_000)
})
