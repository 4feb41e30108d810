import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { TEST_DIST_DIR } from '../helpers/global-setup'
import { get } from '../helpers/http'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

let down: RunningServer | undefined

afterAll(async () => {
  await down?.stop()
})

describe('/api/health', () => {
  it('answers 200 while the database answers', async () => {
    const response = await get('/api/health')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('no-store')
    expect(await response.json()).toEqual({ status: 'ok' })
  })

  it('answers 503 without details when the database is unreachable', async () => {
    // The same build, pointed at a PostgreSQL port where nothing listens.
    down = await startNextServer(
      TEST_DIST_DIR,
      {
        DATABASE_URI: 'postgres://postgres@127.0.0.1:9/unreachable',
        PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      },
      await freePort(),
    )
    const response = await fetch(`${down.url}/api/health`)
    expect(response.status).toBe(503)
    const text = await response.text()
    expect(JSON.parse(text)).toEqual({ status: 'unavailable' })
    expect(text).not.toMatch(/ECONNREFUSED|postgres|127\.0\.0\.1/)
  }, 60_000)
})
