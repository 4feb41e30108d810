import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { after, test } from 'node:test'
import { Redis } from 'ioredis'

/**
 * `npm run test:redis` (needs Redis; CI has it): with REDIS_URL set, separate processes share the login
 * rate limits. Three processes take 2 + 2 + 1 attempts on one account; the fifth is refused, as it would
 * be from a single process. Uses Redis database 1 and only its own keys.
 */
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1'
const account = `redis-test-${randomBytes(4).toString('hex')}@test.faxe.invalid`
const redis = new Redis(url)

after(async () => {
  await redis.del(`faxe:rl:loginByAccount:${account}`)
  redis.disconnect()
})

function instance(count: number): string[] {
  const out = execFileSync('npx', ['tsx', 'tests/redis/take.ts', account, String(count)], {
    env: { ...process.env, REDIS_URL: url },
    encoding: 'utf8',
  })
  return out.trim().split(',')
}

test('several processes share the per-account login limit through Redis', () => {
  assert.deepEqual(instance(2), ['1', '2'])
  assert.deepEqual(instance(2), ['3', '4'])
  const [fifth] = instance(1)
  assert.match(fifth ?? '', /^429:\d+$/)
})

test('the count lives in Redis with the window as its expiry', async () => {
  const ttl = await redis.ttl(`faxe:rl:loginByAccount:${account}`)
  assert.ok(ttl > 0 && ttl <= 15 * 60, `ttl ${ttl}`)
})
