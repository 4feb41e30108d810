import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { describe, expect, it } from 'vitest'
import { baseUrl, get } from '../helpers/http'

/** Feed, sitemap, robots and topic pages of the running production build. */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'
const parser = new XMLParser({ ignoreAttributes: false, cdataPropName: '__cdata' })

async function xml(
  path: string,
): Promise<{ type: string | null; doc: Record<string, unknown>; text: string }> {
  const response = await get(path)
  expect(response.status, path).toBe(200)
  const text = await response.text()
  expect(XMLValidator.validate(text), `${path} is well-formed XML`).toBe(true)
  return {
    type: response.headers.get('content-type'),
    doc: parser.parse(text) as Record<string, unknown>,
    text,
  }
}

describe('/feed.xml', () => {
  it('is RSS 2.0 listing the seed story with its full content', async () => {
    const { type, doc } = await xml('/feed.xml')
    expect(type).toContain('application/rss+xml')
    const rss = doc.rss as {
      '@_version': string
      channel: { title: string; language: string; item: unknown }
    }
    expect(rss['@_version']).toBe('2.0')
    expect(rss.channel.title).toBe('Faxe i Fællesskab')
    expect(rss.channel.language).toBe('da')
    const items = ([] as unknown[]).concat(rss.channel.item) as {
      title: string
      link: string
      guid: { '#text': string }
      pubDate: string
      description: string
      'content:encoded': { __cdata: string }
    }[]
    const story = items.find((i) => i.link.endsWith(STORY_PATH))
    expect(story?.title).toBe('Innovationspraktikanter kiggede Faxe Kommune i kortene')
    expect(story?.link).toBe(`${baseUrl()}${STORY_PATH}`)
    expect(story?.guid['#text']).toBe(story?.link)
    expect(Number.isNaN(Date.parse(story?.pubDate ?? ''))).toBe(false)
    expect(story?.description).toContain('Center for Offentlig Innovations praktikuge')
    const html = story?.['content:encoded'].__cdata ?? ''
    expect(html).toContain('Godt nok kaldes de for praktikanter')
    expect(html).toContain('Victor Mørk Johansen, innovationspraktikant fra Arbejdstilsynet')
  })
})

type UrlEntry = { loc: string; lastmod: string }
const list = <T>(value: T | T[] | undefined): T[] => (value === undefined ? [] : ([] as T[]).concat(value))

describe('/sitemap.xml', () => {
  // The test server splits the sitemap past 10 URLs (SITEMAP_URL_LIMIT, tests/helpers/global-setup.ts);
  // production does so past 50,000.
  it('is a sitemap index of files of at most the limit, together listing every public page', async () => {
    const { type, doc } = await xml('/sitemap.xml')
    expect(type).toContain('application/xml')
    const index = doc.sitemapindex as { '@_xmlns': string; sitemap: { loc: string } | { loc: string }[] }
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
    const files = list(index.sitemap).map((s) => s.loc.replace(baseUrl(), ''))
    expect(files.length).toBeGreaterThan(1)
    expect(files).toEqual(files.map((_, i) => `/sitemap/${i}.xml`))

    const urls: UrlEntry[] = []
    for (const file of files) {
      const { doc: part } = await xml(file)
      const urlset = part.urlset as { '@_xmlns': string; url: UrlEntry | UrlEntry[] }
      expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9')
      expect(list(urlset.url).length, file).toBeLessThanOrEqual(10)
      urls.push(...list(urlset.url))
    }
    const locs = urls.map((u) => u.loc.replace(baseUrl(), ''))
    expect(new Set(locs).size).toBe(locs.length)
    expect(locs).toEqual(
      expect.arrayContaining([
        '/',
        '/historier',
        STORY_PATH,
        '/emner',
        '/emner/innovationspraktik',
        '/praktikanter',
        '/praktikanter/victor-moerk-johansen',
        '/kontakt',
      ]),
    )
    for (const url of urls) expect(Number.isNaN(Date.parse(url.lastmod)), url.loc).toBe(false)

    // The stories, newest first, each with its last change: what the public REST API lists.
    const response = await get('/api/articles?sort=-publishedAt&limit=100&depth=0')
    const { docs } = (await response.json()) as { docs: { slug: string; updatedAt: string }[] }
    expect(docs.length).toBeGreaterThan(0)
    const stories = urls.filter((u) => /^\/historier\/(?!side\/)/.test(u.loc.replace(baseUrl(), '')))
    expect(stories.map((u) => [u.loc.replace(baseUrl(), ''), u.lastmod])).toEqual(
      docs.map((d) => [`/historier/${d.slug}`, d.updatedAt]),
    )
  })

  it('answers 404 for a file past the last one and for a malformed name', async () => {
    for (const path of ['/sitemap/999.xml', '/sitemap/-1.xml', '/sitemap/01.xml', '/sitemap/x.xml']) {
      expect((await get(path)).status, path).toBe(404)
    }
  })
})

describe('/robots.txt', () => {
  it('keeps crawlers out of the admin and points to the sitemap', async () => {
    const response = await get('/robots.txt')
    expect(response.status).toBe(200)
    const text = await response.text()
    expect(text).toMatch(/^Disallow: \/admin$/m)
    expect(text).toContain(`Sitemap: ${baseUrl()}/sitemap.xml`)
  })
})

describe('topic pages', () => {
  it('show the topic and its stories, and 404 for unknown topics and pages', async () => {
    const response = await get('/emner/innovationspraktik')
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('Innovationspraktik')
    expect(html).toContain(`href="${STORY_PATH}"`)
    expect((await get('/emner/findes-ikke')).status).toBe(404)
    expect((await get('/emner/innovationspraktik/side/2')).status).toBe(404)
  })

  it('are linked from the story page', async () => {
    const html = await (await get(STORY_PATH)).text()
    expect(html).toContain('href="/emner/innovationspraktik"')
  })
})
