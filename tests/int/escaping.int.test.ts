import { XMLParser } from 'fast-xml-parser'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * Everything an editor types is escaped wherever it lands. A story is published through REST as an editor
 * (so the server's hooks refresh its caches) with markup in its title and lead.
 */

const HOSTILE = 'Farlig </script><script>alert("x")</script> & <b>fed</b>'

let payload: Payload
let editor: TestUser & { token: string }
let articleId: DefaultDocumentIDType
let slug: string

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  const response = await get(
    '/api/articles',
    authed(editor.token, {
      method: 'POST',
      body: JSON.stringify({ title: HOSTILE, lead: `Manchet ${HOSTILE}`, _status: 'published' }),
    }),
  )
  expect(response.status).toBe(201)
  const { doc } = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
  articleId = doc.id
  slug = doc.slug
})

afterAll(async () => {
  await removeDocument(payload, 'articles', articleId)
  await deleteUser(payload, editor)
})

describe('a title with markup in it', () => {
  it('gets a slug without the markup', () => {
    expect(slug).toBe('farlig-script-script-alert-x-script-b-fed-b')
  })

  it('is escaped in the HTML body, <title>, Open Graph tags and JSON-LD', async () => {
    const response = await get(`/historier/${slug}`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).not.toContain('<script>alert("x")</script>')
    expect(html).not.toContain('<b>fed</b>')
    expect(html).toContain(
      '<h1>Farlig &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;</h1>',
    )
    expect(html).toMatch(
      /<title>Farlig &lt;\/script&gt;&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &lt;b&gt;fed&lt;\/b&gt; · /,
    )
    expect(html).toContain(
      '<meta property="og:title" content="Farlig &lt;/script&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;fed&lt;/b&gt;"/>',
    )
    const jsonLd = html.match(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/)?.[1]
    expect(jsonLd).toBeDefined()
    expect(jsonLd).not.toMatch(/[<>]/)
    const data = JSON.parse(jsonLd ?? '{}') as {
      '@type': string
      headline: string
      publisher: { name: string }
    }
    expect(data['@type']).toBe('NewsArticle')
    expect(data.headline).toBe(HOSTILE)
    expect(data.publisher.name).toBe('Faxe Kommune')
  })

  it('is escaped in the RSS feed, which stays well-formed', async () => {
    const response = await get('/feed.xml')
    const text = await response.text()
    expect(text).not.toContain('<script>')
    const doc = new XMLParser().parse(text) as {
      rss: { channel: { item: { title: string }[] | { title: string } } }
    }
    const titles = ([] as { title: string }[]).concat(doc.rss.channel.item).map((i) => i.title)
    expect(titles).toContain(HOSTILE)
  })
})

describe('every response', () => {
  it('carries the security headers and no X-Powered-By', async () => {
    for (const path of ['/', `/historier/${slug}`, '/api/articles', '/feed.xml']) {
      const response = await get(path)
      const csp = response.headers.get('content-security-policy') ?? ''
      expect(csp, path).toContain("default-src 'self'")
      expect(csp, path).toContain("frame-ancestors 'self'")
      expect(csp, path).toContain("object-src 'none'")
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff')
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin')
      expect(response.headers.get('permissions-policy'), path).toContain('camera=()')
      expect(response.headers.get('x-powered-by'), path).toBeNull()
    }
  })
})
