import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { baseUrl, get } from '../helpers/http'
import { pageText } from '../helpers/page-text'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/** The pieces readers expect: the topic index, share links, print styles and "Opdateret". */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'
const UPDATED_SLUG = 'en-historie-der-blev-rettet'
const UNCHANGED_SLUG = 'en-historie-der-kun-blev-autogemt'

let payload: Payload
const ids: DefaultDocumentIDType[] = []
const others: [CollectionSlug, DefaultDocumentIDType][] = []

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const id of ids) await removeDocument(payload, 'articles', id)
  for (const [collection, id] of others.reverse()) await removeDocument(payload, collection, id)
})

describe('photos of interns and contacts', () => {
  it('shows a consenting intern’s photo through next/image with the editor’s alt text, and none without consent', async () => {
    const png = await sharp({ create: { width: 800, height: 800, channels: 3, background: '#557799' } })
      .png()
      .toBuffer()
    const upload = async (alt: string) => {
      const media = await payload.create({
        collection: 'media',
        data: { alt },
        // A name of its own: Next.js keeps an optimised image it once made (<distDir>/cache/images).
        file: {
          data: png,
          mimetype: 'image/png',
          name: `foto-${Date.now()}-${others.length}.png`,
          size: png.length,
        },
        overrideAccess: true,
        context: testContext,
      })
      others.push(['media', media.id])
      return media
    }
    const withConsent = await upload('Portræt af praktikanten med samtykke foran rådhuset')
    const withoutConsent = await upload('Portræt af praktikanten uden samtykke')
    for (const [slug, consent, photo] of [
      ['praktikant-med-foto', true, withConsent.id],
      ['praktikant-uden-samtykke-med-foto', false, withoutConsent.id],
    ] as const) {
      const intern = await payload.create({
        collection: 'interns',
        data: { name: `Praktikant ${slug}`, slug, role: 'Konsulent', publicationConsent: consent, photo },
        overrideAccess: true,
        context: testContext,
      })
      others.push(['interns', intern.id])
    }
    const html = await (await get('/praktikanter/praktikant-med-foto')).text()
    const img = /<img [^>]*class="person-photo person-photo--large"[^>]*>/.exec(html)?.[0] ?? ''
    expect(img).toContain('alt="Portræt af praktikanten med samtykke foran rådhuset"')
    expect(img).toMatch(/srcset="\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2F/i)
    const list = await (await get('/praktikanter')).text()
    expect(list).not.toContain('Portræt af praktikanten uden samtykke')
    expect((await get('/praktikanter/praktikant-uden-samtykke-med-foto')).status).toBe(404)
  })
})

describe('/emner', () => {
  it('lists every topic with its number of published stories and a link to it', async () => {
    const response = await get('/emner')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('<h1>Emner</h1>')
    expect(html).toContain('<a href="/emner/innovationspraktik">Innovationspraktik</a>')
    // Other test files publish stories on this topic too (the files share one database): count them.
    const { docs } = await payload.find({
      collection: 'topics',
      where: { slug: { equals: 'innovationspraktik' } },
      depth: 0,
    })
    const { totalDocs } = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' }, topics: { in: [docs[0]!.id] } },
    })
    expect(totalDocs).toBeGreaterThan(0)
    expect(pageText(html)).toContain(
      `Innovationspraktik ${totalDocs} ${totalDocs === 1 ? 'historie' : 'historier'}`,
    )
  })

  it('is linked from the front page', async () => {
    expect(await (await get('/')).text()).toContain('<a href="/emner">Alle emner</a>')
  })
})

describe('sharing a story', () => {
  it('offers an e-mail and the plain address, with nothing loaded from another host', async () => {
    const html = await (await get(STORY_PATH)).text()
    const share = /<section class="share"[\s\S]*?<\/section>/.exec(html)?.[0] ?? ''
    const url = `${baseUrl()}${STORY_PATH}`
    const subject = encodeURIComponent('Innovationspraktikanter kiggede Faxe Kommune i kortene')
    expect(share).toContain(`href="mailto:?subject=${subject}&amp;body=`)
    expect(share).toContain(`${encodeURIComponent(url)}"`)
    // "Kopiér link" is a plain link to the story: it works before (and without) JavaScript.
    expect(share).toContain(`<a href="${url}">Kopiér link</a>`)
    expect(share).not.toMatch(/facebook|twitter|linkedin|addthis|sharethis/i)
  })
})

describe('print', () => {
  it('hides the navigation and prints full addresses after links', async () => {
    const html = await (await get(STORY_PATH)).text()
    expect(html).toContain(`<html lang="da" style="--site-origin:&quot;${baseUrl()}&quot;"`)
    const cssPaths = [...html.matchAll(/<link rel="stylesheet" href="([^"]+\.css)"/g)].map((m) => m[1])
    const css = (await Promise.all(cssPaths.map(async (p) => (await get(p ?? '')).text()))).join('\n')
    const start = css.indexOf('@media print')
    expect(start).toBeGreaterThan(-1)
    const print = css.slice(start, start + 4000)
    expect(print).toMatch(/\.site-header[,{]/)
    expect(print).toMatch(/content:\s*["'] \(["']\s*var\(--site-origin,\s*["']{2}\)\s*attr\(href\)/)
  })
})

describe('"Opdateret" on a story', () => {
  async function publish(title: string, slug: string) {
    const story = await payload.create({
      collection: 'articles',
      data: { title, slug, lead: 'Den første manchet.', _status: 'published' },
      overrideAccess: true,
      context: testContext,
    })
    ids.push(story.id)
    return story
  }

  it('shows when a published story was published again with changed content', async () => {
    const story = await publish('En historie der blev rettet', UPDATED_SLUG)
    expect(story.contentUpdatedAt ?? null).toBeNull()
    const updated = await payload.update({
      collection: 'articles',
      id: story.id,
      data: { lead: 'En rettet manchet.', _status: 'published' },
      overrideAccess: true,
      context: testContext,
    })
    expect(updated.contentUpdatedAt).toEqual(expect.any(String))
    const html = await (await get(`/historier/${UPDATED_SLUG}`)).text()
    expect(html).toContain('En rettet manchet.')
    expect(pageText(html)).toMatch(/Udgivet \d+\. \p{L}+ \d{4} · Opdateret \d+\. \p{L}+ \d{4}/u)
    expect(html).toMatch(new RegExp(`Opdateret <time datetime="${updated.contentUpdatedAt}"`, 'i'))
  })

  it('stays away for autosaves, drafts and a publish without a change of content', async () => {
    const story = await publish('En historie der kun blev autogemt', UNCHANGED_SLUG)
    // What the admin does while the editor types: a draft over the published story.
    await payload.update({
      collection: 'articles',
      id: story.id,
      data: { lead: 'Et udkast, der ikke er udgivet.' },
      draft: true,
      autosave: true,
      overrideAccess: true,
      context: testContext,
    })
    // Publishing again with the content readers already have.
    const republished = await payload.update({
      collection: 'articles',
      id: story.id,
      data: { lead: 'Den første manchet.', _status: 'published' },
      overrideAccess: true,
      context: testContext,
    })
    expect(republished.contentUpdatedAt ?? null).toBeNull()
    const html = await (await get(`/historier/${UNCHANGED_SLUG}`)).text()
    expect(html).toContain('Udgivet <time')
    expect(html).not.toContain('Opdateret')
  })
})
