import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/** /soeg on the running production build. Stories are written over REST so the server refreshes its caches. */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

let payload: Payload
let editor: TestUser & { token: string }
const created: DefaultDocumentIDType[] = []

async function createStory(
  data: Record<string, unknown>,
): Promise<{ id: DefaultDocumentIDType; slug: string }> {
  const response = await get(
    '/api/articles',
    authed(editor.token, { method: 'POST', body: JSON.stringify(data) }),
  )
  expect(response.status).toBe(201)
  const { doc } = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
  created.push(doc.id)
  return doc
}

async function search(q: string): Promise<string> {
  const response = await get(`/soeg?q=${encodeURIComponent(q)}`)
  expect(response.status).toBe(200)
  return response.text()
}

const resultLinks = (html: string) =>
  [...html.matchAll(/<h2 class="search-results__title"><a href="([^"]+)"/g)].map((m) => m[1])

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  for (const id of created) await removeDocument(payload, 'articles', id)
  await deleteUser(payload, editor)
})

describe('search', () => {
  it('finds the seed story by a word from a quote and a word from its body', async () => {
    expect(resultLinks(await search('praksisnærhed'))).toEqual([STORY_PATH])
    expect(resultLinks(await search('servicemedarbejdere'))).toEqual([STORY_PATH])
  })

  it('matches Danish letters whatever their case or Unicode form', async () => {
    for (const q of ['fællesskab', 'FÆLLESSKAB', 'Fællesskab', 'fællesskab'.normalize('NFD')]) {
      expect(resultLinks(await search(q)), q).toContain(STORY_PATH)
    }
  })

  it('marks the matches in the results', async () => {
    const html = await search('PRAKSISNÆRHED')
    expect(html).toContain('<mark>praksisnærhed</mark>')
  })

  it('ranks title matches before text matches, and never shows drafts', async () => {
    const word = `skovhave${Date.now()}`
    const inText = await createStory({
      title: 'En historie om haver',
      lead: `Om en ${word} i byen`,
      _status: 'published',
    })
    const inTitle = await createStory({
      title: `Den store ${word}`,
      lead: 'Noget helt andet',
      _status: 'published',
    })
    await createStory({ title: `Kladde om ${word}`, _status: 'draft' })
    // The text match is the newest, so only the ranking can put the title match first.
    await get(
      `/api/articles/${inText.id}`,
      authed(editor.token, { method: 'PATCH', body: JSON.stringify({ lead: `Om en ${word} i byen.` }) }),
    )
    const links = resultLinks(await search(word))
    expect(links).toEqual([`/historier/${inTitle.slug}`, `/historier/${inText.slug}`])
  })

  it('shows a helpful page for an empty query', async () => {
    const html = await search('')
    expect(html).toContain('Søg i titler, manchetter, brødtekst og citater')
    expect(html).not.toContain('search-results')
  })

  it('says so when nothing matches', async () => {
    expect(await search('zzqqxxyy')).toContain('Ingen historier matcher »zzqqxxyy«.')
  })

  it('refuses an over-long query with a clear Danish message', async () => {
    const html = await search('a'.repeat(101))
    expect(html).toContain('Søgningen må højst være 100 tegn.')
    expect(html).not.toContain('search-results')
  })
})

describe('related stories', () => {
  it('the story page suggests the newest other published stories on the same topic', async () => {
    const { docs } = await payload.find({
      collection: 'topics',
      where: { slug: { equals: 'innovationspraktik' } },
      overrideAccess: true,
    })
    const topic = docs[0]
    expect(topic).toBeDefined()
    const sibling = await createStory({
      title: 'Endnu en praktikuge',
      topics: [topic?.id],
      _status: 'published',
    })
    await createStory({ title: 'Kladde om praktikugen', topics: [topic?.id], _status: 'draft' })
    const html = await (await get(STORY_PATH)).text()
    expect(html).toContain('Relaterede historier')
    expect(html).toContain(`href="/historier/${sibling.slug}"`)
    expect(html).not.toContain('Kladde om praktikugen')
  })
})
