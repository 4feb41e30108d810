import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { PATHS } from '@/lib/paths'
import type { RunningServer } from '@/scripts/lib/server'
import { ownBuild, removeBuilds, startOwnServer } from '../helpers/faults'
import { pageText } from '../helpers/page-text'
import { removeDocument, testPayload } from '../helpers/payload'
import { Editor, type Instance, ownKeyPrefix, read, removeKeys, TEST_REDIS_URL } from '../helpers/topology'

/**
 * Two instances of one build on one database and one Redis, as a load balancer would have them:
 * - one killed outright (`kill -9`) while readers keep the other busy: the other fails none of them, and
 *   the killed one, started again, shows what changed while it was down;
 * - a scheduled story with both running (and the run's own server, which shares their Redis through
 *   REDIS_URL, see vitest.topology.config.ts): published once, one audit entry, one published version
 *   (scripts/lib/job-scheduler.ts takes each 10-second tick's lock in Redis).
 */

// The run's Redis and key prefix (tests/helpers/topology-setup.ts), shared with the run's own server.
const keyPrefix = process.env.REDIS_KEY_PREFIX ?? ownKeyPrefix('instances')
const shared = { REDIS_URL: process.env.REDIS_URL ?? TEST_REDIS_URL, REDIS_KEY_PREFIX: keyPrefix }
const build = ownBuild('instances')
const started: RunningServer[] = []
const stories: (number | string)[] = []
let editor: Editor | undefined
/** The instances running after the first test: B and A started again. */
let running: Instance[] = []

async function instance(name: string): Promise<Instance> {
  const server = await startOwnServer(name, shared, build)
  started.push(server)
  return { ...server, name }
}

beforeAll(async () => {
  await testPayload()
})

afterAll(async () => {
  await Promise.all(started.map((server) => server.stop()))
  await editor?.remove()
  const payload = await testPayload()
  for (const id of stories) await removeDocument(payload, 'articles', id)
  // The run's prefix is removed when the run ends (tests/helpers/topology-setup.ts).
  if (!process.env.REDIS_KEY_PREFIX) await removeKeys(shared.REDIS_URL, keyPrefix)
  removeBuilds()
})

/** `connections` readers asking `pathname` of `target` one after another until `stop` resolves. */
async function load(
  target: Instance,
  pathname: string,
  connections: number,
  stop: Promise<void>,
): Promise<{ ok: number; failed: string[] }> {
  let running = true
  void stop.then(() => (running = false))
  const failed: string[] = []
  let ok = 0
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (running) {
        try {
          const response = await fetch(`${target.url}${pathname}`, { signal: AbortSignal.timeout(10_000) })
          await response.arrayBuffer()
          if (response.status === 200) ok++
          else failed.push(String(response.status))
        } catch (error) {
          failed.push(error instanceof Error ? error.message : String(error))
        }
      }
    }),
  )
  return { ok, failed }
}

describe('two instances', () => {
  it('one killed under load: the other fails no reader, and the first comes back fresh', async () => {
    const a = await instance('instances-a')
    const b = await instance('instances-b')
    editor = await Editor.login(a)
    const title = `Instanshistorie ${Date.now().toString(36)}`
    const story = await editor.write(a, 'POST', '/api/articles', {
      title,
      lead: 'En historie til testen af to instanser.',
      _status: 'published',
    })
    stories.push(story.id)
    const path = PATHS.story(story.slug)
    await vi.waitFor(async () => expect(pageText((await read(b, path)).body)).toContain(title), {
      timeout: 5_000,
    })

    let stopLoad: () => void = () => undefined
    const loading = load(b, path, 20, new Promise<void>((resolve) => (stopLoad = resolve)))
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    a.process.kill('SIGKILL')
    await new Promise((resolve) => a.process.once('exit', resolve))
    // While A is gone, the editor goes on through B.
    const changed = `${title} ændret`
    await editor.write(b, 'PATCH', `/api/articles/${story.id}`, { title: changed })
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    stopLoad()
    const { ok, failed } = await loading
    expect(failed).toEqual([])
    expect(ok).toBeGreaterThan(100)

    const again = await instance('instances-a-again')
    const page = await read(again, path)
    expect(page.status).toBe(200)
    expect(pageText(page.body)).toContain(changed)
    expect(pageText((await read(again, PATHS.stories)).body)).toContain(changed)
    running = [b, again]
  })

  it('a scheduled story is published once', async () => {
    const [a = await instance('instances-b'), c = await instance('instances-c')] = running
    editor ??= await Editor.login(a)
    const title = `Planlagt instanshistorie ${Date.now().toString(36)}`
    const story = await editor.write(a, 'POST', '/api/articles?draft=true', {
      title,
      lead: 'Udkommer af sig selv, én gang.',
    })
    stories.push(story.id)
    const payload = await testPayload()
    const { docs } = await payload.find({ collection: 'users', limit: 1, overrideAccess: true, depth: 0 })
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: story.id },
        user: { relationTo: 'users', value: docs[0]!.id },
      },
      waitUntil: new Date(Date.now() + 1_000),
    })
    const path = PATHS.story(story.slug)
    // A tick every 10 seconds on every instance; one of them takes it.
    for (const server of [a, c]) {
      await vi.waitFor(async () => expect((await read(server, path)).status).toBe(200), {
        timeout: 30_000,
        interval: 250,
      })
    }
    // Two more ticks on each, to give a second publish every chance to happen.
    await new Promise((resolve) => setTimeout(resolve, 21_000))
    const audit = await payload.find({
      collection: 'audit-log',
      where: {
        and: [
          { targetSlug: { equals: 'articles' } },
          { documentId: { equals: String(story.id) } },
          { action: { equals: 'published' } },
        ],
      },
      overrideAccess: true,
    })
    expect(audit.totalDocs).toBe(1)
    const versions = await payload.countVersions({
      collection: 'articles',
      where: { and: [{ parent: { equals: story.id } }, { 'version._status': { equals: 'published' } }] },
      overrideAccess: true,
    })
    expect(versions.totalDocs).toBe(1)
  }, 120_000)
})
