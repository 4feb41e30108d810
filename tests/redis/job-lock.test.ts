import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { after, test } from 'node:test'
import { Redis } from 'ioredis'
import { lockKey, takeTick, tickNumber } from '@/scripts/lib/job-scheduler'

/**
 * `npm run test:redis`: the job scheduler's lock (scripts/lib/job-scheduler.ts). Several instances asking
 * for the same tick at once: exactly one gets it; the next tick is free again. With Redis unreachable, an
 * instance runs the tick rather than none. Redis database 1, keys of this run's own prefix.
 */
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/1'
const prefix = `faxe-test-${randomBytes(4).toString('hex')}`
const clients = [new Redis(url), new Redis(url), new Redis(url)]

after(async () => {
  const keys = await clients[0]!.keys(`${prefix}:*`)
  if (keys.length > 0) await clients[0]!.del(...keys)
  for (const client of clients) client.disconnect()
})

test('three instances asking for one tick at once: exactly one runs it', async () => {
  const tick = tickNumber(Date.now())
  const taken = await Promise.all(clients.map((client) => takeTick(client, prefix, tick)))
  assert.equal(taken.filter(Boolean).length, 1)
  assert.equal(await clients[0]!.get(lockKey(prefix, tick)), String(process.pid))
  const next = await Promise.all(clients.map((client) => takeTick(client, prefix, tick + 1)))
  assert.equal(next.filter(Boolean).length, 1)
})

test('while Redis cannot be reached, the instance runs the tick', async () => {
  const away = new Redis('redis://127.0.0.1:1/1', {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    lazyConnect: true,
  })
  away.on('error', () => undefined)
  assert.equal(await takeTick(away, prefix, tickNumber(Date.now())), true)
  away.disconnect()
})

test('without Redis (one instance), every tick is its own', async () => {
  assert.equal(await takeTick(null, prefix, 1), true)
})
