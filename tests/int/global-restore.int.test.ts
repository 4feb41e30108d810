import type { DefaultDocumentIDType, Payload } from 'payload'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { get } from '../helpers/http'
import { testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'

/**
 * Site settings keep their history: an administrator changes the site's description, restores the earlier
 * version through the versions API (what the admin's "Gendan denne version" calls), and /om shows the old
 * text again; editors may not read the settings' history.
 */

let payload: Payload
let adminToken: string
let editorToken: string

type Version = { id: DefaultDocumentIDType; version: { description?: string | null } }

beforeAll(async () => {
  payload = await testPayload()
  adminToken = (await restLogin(payload, 'admin')).token
  editorToken = (await restLogin(payload, 'editor')).token
})

async function aboutPageShows(text: string): Promise<void> {
  await vi.waitFor(
    async () => expect(await (await get('/om')).text(), `/om shows "${text}"`).toContain(text),
    { timeout: 10_000, interval: 100 },
  )
}

describe('restoring an earlier version of the site settings', () => {
  it('brings the old text back, on the site too', async () => {
    const original = (await payload.findGlobal({ slug: 'site' })).description ?? ''
    const changed = `Midlertidig beskrivelse ${Date.now().toString(36)}`
    const save = await get(
      '/api/globals/site',
      authed(adminToken, { method: 'POST', body: JSON.stringify({ description: changed }) }),
    )
    expect(save.status).toBe(200)
    await aboutPageShows(changed)

    const list = await get('/api/globals/site/versions?limit=20&sort=-updatedAt&depth=0', authed(adminToken))
    expect(list.status).toBe(200)
    const { docs } = (await list.json()) as { docs: Version[] }
    expect(docs[0]!.version.description).toBe(changed)
    const earlier = docs.find((v) => v.version.description === original)
    expect(earlier, 'a version with the original text').toBeTruthy()

    const restore = await get(
      `/api/globals/site/versions/${earlier!.id}`,
      authed(adminToken, { method: 'POST' }),
    )
    expect(restore.status).toBe(200)
    expect((await payload.findGlobal({ slug: 'site' })).description).toBe(original)
    if (original) await aboutPageShows(original)
  })

  it('keeps the history from editors', async () => {
    const response = await get('/api/globals/site/versions', authed(editorToken))
    expect(response.status).toBe(403)
  })
})
