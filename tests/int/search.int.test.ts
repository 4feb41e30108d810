import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TAGS } from '@/lib/cache-tags'
import { editorState, paragraph } from '@/seeds/lexical'
import { dataEntries, serverFiles } from '../helpers/build-cache'
import { skipWithout } from '../helpers/database'
import { get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * /soeg on the running production build, over the full-text index (lib/search-index.ts) of whichever
 * database this run uses. Documents are written over REST as an editor, so the server's own hooks keep the
 * index and the caches current, as in the admin. Every marker word is new per run.
 */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'
const RUN = Date.now().toString(36)
/** A word no seed text contains, with letters only (digits would be one word with it anyway). */
const marker = (name: string) => `${name}${RUN.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!)}`

let payload: Payload
let editor: TestUser & { token: string }
const created: { collection: CollectionSlug; id: DefaultDocumentIDType }[] = []

async function create(
  collection: CollectionSlug,
  data: Record<string, unknown>,
): Promise<{ id: DefaultDocumentIDType; slug: string }> {
  const response = await get(
    `/api/${collection}`,
    authed(editor.token, { method: 'POST', body: JSON.stringify(data) }),
  )
  const json = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
  expect(response.status, JSON.stringify(json)).toBe(201)
  created.push({ collection, id: json.doc.id })
  return json.doc
}

async function update(
  collection: CollectionSlug,
  id: DefaultDocumentIDType,
  data: Record<string, unknown>,
  query = '',
) {
  const response = await get(
    `/api/${collection}/${id}${query}`,
    authed(editor.token, { method: 'PATCH', body: JSON.stringify(data) }),
  )
  expect(response.status, await response.text()).toBe(200)
}

const story = (title: string, lead: string, extra: Record<string, unknown> = {}) =>
  create('articles', { title, lead, _status: 'published', ...extra })

async function page(q: string, side?: number): Promise<string> {
  const params = new URLSearchParams({ q })
  if (side) params.set('side', String(side))
  const response = await get(`/soeg?${params.toString()}`)
  const html = await response.text()
  expect(response.status, `${q}: ${html.slice(0, 300)}`).toBe(200)
  return html
}

/** Links of the stories' result list (h2), in order. */
const storyLinks = (html: string) =>
  [...html.matchAll(/<h2 class="search-results__title"><a href="([^"]+)"/g)].map((m) => m[1])
/** Links in one group of other results (h3 under the group's heading). */
function groupLinks(html: string, kind: string): string[] {
  const at = html.indexOf(`id="search-group-${kind}"`)
  if (at === -1) return []
  const section = html.slice(at, html.indexOf('</section>', at))
  return [...section.matchAll(/<h3 class="search-results__title"><a href="([^"]+)"/g)].map((m) => m[1]!)
}
const summary = (html: string) => /<p role="status" class="search-summary">([^<]*)</.exec(html)?.[1] ?? ''

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  for (const { collection, id } of created.reverse()) await removeDocument(payload, collection, id)
  await deleteUser(payload, editor)
})

describe('search: Danish', () => {
  it('finds the seed story by a word from a quote and a word from its body', async (ctx) => {
    skipWithout(ctx, '$text')
    expect(storyLinks(await page('praksisnærhed '))).toEqual([STORY_PATH])
    expect(storyLinks(await page('servicemedarbejdere '))).toEqual([STORY_PATH])
  })

  it('folds case, Unicode form and æ/ae, ø/oe, å/aa both ways', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('fold')
    // One letter longer than the marker, and never the marker's own last letter again: the Danish stemmer
    // undoubles a final double consonant (`…xx` → `…x`), which would make the two markers one word.
    const mx = m + (m.endsWith('q') ? 'w' : 'q')
    const written = await story(`Fællesskab på Østergård ${m}`, 'Om folding.')
    const typedPlain = await story(`Faellesskab paa Oestergaard ${mx}`, 'Skrevet uden danske bogstaver.')
    for (const q of [`fællesskab ${m} `, `FAELLESSKAB ${m} `, `Fællesskab ${m}`.normalize('NFD') + ' ']) {
      expect(storyLinks(await page(q)), q).toContain(`/historier/${written.slug}`)
    }
    for (const q of [`østergård ${mx} `, `ØSTERGÅRD ${mx} `]) {
      expect(storyLinks(await page(q)), q).toEqual([`/historier/${typedPlain.slug}`])
    }
    // The marker first: the last word of a query also matches as a prefix (`m` would find `mx`).
    expect(storyLinks(await page(`${m} oestergaard`))).toEqual([`/historier/${written.slug}`])
  })

  it('stems: praktikant finds a story that says praktikanterne, and the match is marked', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('stem')
    const doc = await story(`Et besøg ${m}`, 'Praktikanterne kom til Faxe.')
    const html = await page(`praktikant ${m} `)
    expect(storyLinks(html)).toEqual([`/historier/${doc.slug}`])
    expect(html).toContain('<mark>Praktikanterne</mark>')
  })

  it('matches the word being typed by its beginning', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('prefix')
    const doc = await story(`Kommunalbestyrelsen ${m}`, 'Om prefix.')
    expect(storyLinks(await page(`${m} kommunalbest`))).toEqual([`/historier/${doc.slug}`])
  })
})

describe('search: ranking, phrases and pages', () => {
  it('ranks title over lead over body, whatever the dates', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('rank')
    const inTitle = await story(`Den store ${m}`, 'Noget helt andet.', {
      publishedAt: '2020-01-01T10:00:00.000Z',
    })
    const inLead = await story('En historie om haver', `Om en ${m} i byen.`, {
      publishedAt: '2021-01-01T10:00:00.000Z',
    })
    const inBody = await story('En tredje historie', 'Om noget tredje.', {
      body: editorState([paragraph(`Midt i teksten står ${m} en enkelt gang blandt mange andre ord.`)]),
      publishedAt: '2022-01-01T10:00:00.000Z',
    })
    await create('articles', { title: `Kladde om ${m}`, _status: 'draft' })
    expect(storyLinks(await page(`${m} `))).toEqual(
      [inTitle, inLead, inBody].map((d) => `/historier/${d.slug}`),
    )
  })

  it('breaks ties by recency', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('tie')
    const older = await story(`Tvilling ${m}`, 'Samme tekst.', {
      slug: `tvilling-${m}-a`,
      publishedAt: '2020-05-01T10:00:00.000Z',
    })
    const newer = await story(`Tvilling ${m}`, 'Samme tekst.', {
      slug: `tvilling-${m}-b`,
      publishedAt: '2024-05-01T10:00:00.000Z',
    })
    expect(storyLinks(await page(`${m} `))).toEqual([`/historier/${newer.slug}`, `/historier/${older.slug}`])
  })

  it('matches an exact phrase in quotes', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('phrase')
    const exact = await story(`Forløbet ${m}`, 'Det var et struktureret program for alle.')
    const apart = await story(`Andet forløb ${m}`, 'Et program, der var struktureret.')
    expect(storyLinks(await page(`"struktureret program" ${m} `))).toEqual([`/historier/${exact.slug}`])
    expect(new Set(storyLinks(await page(`struktureret program ${m} `)))).toEqual(
      new Set([`/historier/${exact.slug}`, `/historier/${apart.slug}`]),
    )
  })

  it('pages the stories ten at a time with the total', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('paging')
    for (let i = 0; i < 12; i++) await story(`Side-historie ${i} ${m}`, 'Om sider.')
    const first = await page(`${m} `)
    expect(summary(first)).toContain(`12 historier matcher »${m}«.`)
    expect(storyLinks(first)).toHaveLength(10)
    expect(first).toContain('Side 1 af 2')
    const second = await page(`${m} `, 2)
    expect(storyLinks(second)).toHaveLength(2)
    expect(second).toContain('Side 2 af 2')
    expect(new Set([...storyLinks(first), ...storyLinks(second)]).size).toBe(12)
    // Past the last page: a way back, not an error.
    expect(await page(`${m} `, 7)).toContain('Gå til første side')
  })
})

describe('search: scope', () => {
  it('groups topics, interns, contacts and pages, with only what an anonymous reader may see', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('scope')
    const topic = await create('topics', { name: `Emnet ${m}` })
    const consenting = await create('interns', { name: `Ida ${m}`, publicationConsent: true })
    await create('interns', { name: `Hemmelig ${m}`, publicationConsent: false })
    await create('contacts', { name: `Karen ${m}`, title: 'Konsulent' })
    const freePage = await create('pages', { title: `Siden ${m}`, slug: `siden-${m}`, _status: 'published' })
    await create('pages', { title: `Kladdeside ${m}`, slug: `kladdeside-${m}`, _status: 'draft' })
    const doc = await story(`Historien ${m}`, 'Om omfang.')
    await create('articles', { title: `Kladde ${m}`, _status: 'draft' })

    const html = await page(`${m} `)
    expect(storyLinks(html)).toEqual([`/historier/${doc.slug}`])
    expect(groupLinks(html, 'topic')).toEqual([`/emner/${topic.slug}`])
    expect(groupLinks(html, 'intern')).toEqual([`/praktikanter/${consenting.slug}`])
    expect(groupLinks(html, 'contact')).toEqual(['/kontakt'])
    expect(groupLinks(html, 'page')).toEqual([`/${freePage.slug}`])
    expect(html).not.toContain('Hemmelig')
    expect(html).not.toContain('Kladdeside')
    expect(html).not.toMatch(/>Kladde </)

    // Consent withdrawn: the intern leaves the index with the save.
    await update('interns', consenting.id, { publicationConsent: false })
    const after = await page(`${m} `)
    expect(groupLinks(after, 'intern')).toEqual([])
    expect(after).not.toContain(`/praktikanter/${consenting.slug}`)
  })

  it('shows the best five of a group with the whole group in the count, next to a page of stories', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('groupcap')
    for (let i = 0; i < 7; i++) await create('topics', { name: `Gruppeemne ${i} ${m}` })
    const doc = await story(`Gruppehistorie ${m}`, 'Om grupper.')
    const html = await page(`${m} `)
    expect(storyLinks(html)).toEqual([`/historier/${doc.slug}`])
    expect(groupLinks(html, 'topic')).toHaveLength(5)
    expect(summary(html)).toBe(`1 historie matcher »${m}«.`)
    expect(html).toContain('Desuden 7 andre resultater.')
    // Later pages are stories only.
    expect(groupLinks(await page(`${m} `, 2), 'topic')).toEqual([])
  })

  it('follows publishing, editing and unpublishing of a story', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('fresh')
    const doc = await story(`Frisk ${m}`, 'Først.')
    expect(storyLinks(await page(`${m} `))).toEqual([`/historier/${doc.slug}`])
    await update('articles', doc.id, { title: `Rettet ${m}` })
    expect(await page(`rettet ${m} `)).toContain(`<mark>Rettet</mark>`)
    // A draft saved on top of the published story leaves the published text searchable.
    await update('articles', doc.id, { title: `Kladdetitel ${m}` }, '?draft=true')
    expect(storyLinks(await page(`rettet ${m} `))).toEqual([`/historier/${doc.slug}`])
    expect(storyLinks(await page(`kladdetitel ${m} `))).toEqual([])
    // Unpublishing takes it out of the index.
    await update('articles', doc.id, { _status: 'draft' })
    expect(storyLinks(await page(`${m} `))).toEqual([])
  })
})

describe('search: the cache', () => {
  it('answers a repeated search from the cache until what it shows changes', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('cached')
    const doc = await story(`Gemt ${m}`, 'Om cachen.')
    await page(m)
    const again = await get(`/soeg?q=${m}`)
    expect(again.headers.get('x-nextjs-cache')).toBe('HIT')
    expect(storyLinks(await again.text())).toEqual([`/historier/${doc.slug}`])
    // The same search spelled with a repeated parameter or a control character is the same entry.
    const repeated = await get(`/soeg?q=${m}&q=andet&side=1`)
    expect(repeated.headers.get('x-nextjs-cache')).toBe('HIT')
    await update('articles', doc.id, { title: `Ændret ${m}` })
    const changed = await page(m)
    expect(changed).toContain('Ændret')
    expect(changed).not.toContain('Gemt')
  })

  it('keeps the entries of searches, one per distinct search, off the disk', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('disk')
    await story(`Disk ${m}`, 'Om disken.')
    for (const word of ['', ' disk', ' om', ' disken']) expect(await page(`${m}${word}`)).toContain(m)
    expect(await page(m, 2)).toContain('Gå til første side')
    // No search may be on disk, this test's or another's. The route's own code is under
    // server/app/(site)/soeg/resultat/[query].
    const pages = serverFiles().filter((file) => file.includes('soeg/resultat/') && !file.includes('[query]'))
    expect(pages).toEqual([])
    expect(dataEntries().filter((entry) => entry.tags.includes(TAGS.searchResults))).toEqual([])
  })

  it('answers an address no search could have made with 404, not an error', async () => {
    for (const address of [
      '/soeg/resultat/a3lzdGxhdWc==/1',
      '/soeg/resultat/a3lzdGxhdWc/0',
      '/soeg/resultat/a3lzdGxhdWc/01',
      `/soeg/resultat/${'A'.repeat(700)}/1`,
      '/soeg/resultat/__8/1',
      '/soeg/resultat/%2F%2E%2E/1',
    ]) {
      const response = await get(address)
      expect(response.status, address).toBe(404)
      await response.arrayBuffer()
    }
  })
})

describe('search: hostile and odd input', () => {
  it('escapes the shown text and marks the words in a snippet', async (ctx) => {
    skipWithout(ctx, '$text')
    const m = marker('escape')
    await story('Om sikkerhed', 'Ingen markup her.', {
      body: editorState([paragraph(`Her står <script>alert(1)</script> og <b>${m}</b> i teksten.`)]),
    })
    const html = await page(`${m} `)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).not.toContain('<script>alert(1)')
    expect(html).toContain(`&lt;b&gt;<mark>${m}</mark>&lt;/b&gt;`)
  })

  it('answers every bad input with a results page or a Danish message, never an error', async (ctx) => {
    skipWithout(ctx, '$text')
    const inputs = [
      '"',
      '""',
      '*',
      'praktik*',
      '-',
      '-praktik',
      'NEAR',
      'NEAR(praktik faxe)',
      'praktik NEAR faxe',
      '(',
      ')',
      'title:praktik',
      ':',
      '^',
      '^praktik',
      '"unbalanced quote',
      'a "b c',
      'AND',
      'OR NOT',
      "'",
      "'; DROP TABLE articles; --",
      '\\',
      '%',
      '_',
      '{}[]',
      'praktik\u0000faxe',
      '\u0001\u0002\u001f',
      'x'.repeat(100),
      'æøå'.repeat(33),
      '🙂',
    ]
    for (const q of inputs) {
      const html = await page(q)
      expect(html, q).toMatch(/class="search-summary"|class="form-error"|class="page-intro"/)
      expect(html, q).not.toMatch(/SQLITE_ERROR|syntax error|tsquery|fts5/i)
    }
  })

  it('refuses a 1,000-character query with a Danish message', async () => {
    for (const q of ['a'.repeat(101), 'praktik '.repeat(125)]) {
      const html = await page(q)
      expect(html).toContain('Søgningen må højst være 100 tegn.')
      expect(html).not.toContain('search-results')
    }
  })

  it('answers a query without words and a bad page number in Danish', async () => {
    expect(summary(await page('"*-^:('))).toContain('indeholder ingen ord at søge efter')
    for (const side of ['0', '-1', 'abc', '1001', '1.5']) {
      const response = await get(`/soeg?q=praktik&side=${side}`)
      expect(response.status).toBe(200)
      expect(await response.text()).toContain('Sidetallet skal være et helt tal fra 1 til 1000.')
    }
  })

  it('shows a helpful page for an empty query', async () => {
    const html = await page('')
    expect(html).toContain('Søg i titler, manchetter, brødtekst og citater')
    expect(html).not.toContain('search-results')
  })

  it('says so when nothing matches', async (ctx) => {
    skipWithout(ctx, '$text')
    expect(await page('zzqqxxyy')).toContain('Ingen historier matcher »zzqqxxyy«.')
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
    const sibling = await story('Endnu en praktikuge', '', { topics: [topic?.id] })
    await create('articles', { title: 'Kladde om praktikugen', topics: [topic?.id], _status: 'draft' })
    const html = await (await get(STORY_PATH)).text()
    expect(html).toContain('Relaterede historier')
    expect(html).toContain(`href="/historier/${sibling.slug}"`)
    expect(html).not.toContain('Kladde om praktikugen')
  })
})
