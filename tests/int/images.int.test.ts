import type { DefaultDocumentIDType, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/** A story with a hero image renders it through next/image with its alt text and real dimensions. */

let payload: Payload
let mediaId: DefaultDocumentIDType
let articleId: DefaultDocumentIDType
let slug: string

beforeAll(async () => {
  payload = await testPayload()
  const png = await sharp({ create: { width: 1600, height: 900, channels: 3, background: '#0b4f6c' } })
    .png()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Tre praktikanter ved et bord på rådhuset', caption: 'Foto: testbillede' },
    file: { data: png, mimetype: 'image/png', name: 'praktikanter.png', size: png.length },
    overrideAccess: true,
    context: testContext,
  })
  mediaId = media.id
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: 'Historie med billede',
      lead: 'Med et topbillede',
      heroImage: media.id,
      _status: 'published',
    },
    overrideAccess: true,
    context: testContext,
  })
  articleId = article.id
  slug = article.slug ?? ''
})

afterAll(async () => {
  await removeDocument(payload, 'articles', articleId)
  await removeDocument(payload, 'media', mediaId)
})

describe('images', () => {
  it('are stored in their sizes (card, hero, Open Graph 1200x630)', async () => {
    const media = await payload.findByID({ collection: 'media', id: mediaId, overrideAccess: true })
    expect(media.sizes?.og).toMatchObject({ width: 1200, height: 630 })
    expect(media.sizes?.card).toMatchObject({ width: 640, height: 400 })
    expect(media.sizes?.hero?.width).toBe(1600)
  })

  it('render through next/image with alt text, dimensions and a working optimised source', async () => {
    const html = await (await get(`/historier/${slug}`)).text()
    const img = html.match(/<img[^>]*alt="Tre praktikanter ved et bord på rådhuset"[^>]*>/)?.[0] ?? ''
    expect(img).toContain('width="1600"')
    expect(img).toContain('height="900"')
    expect(img).toContain('sizes="(min-width: 45rem) 42rem, 100vw"')
    const src = img.match(/ src="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? ''
    expect(src).toMatch(/^\/_next\/image\?url=%2Fapi%2Fmedia%2Ffile%2F/)
    const optimised = await get(src, { headers: { accept: 'image/avif,image/webp,image/png' } })
    expect(optimised.status).toBe(200)
    expect(optimised.headers.get('content-type')).toMatch(/^image\//)
    expect(html).toContain('Foto: testbillede')
  })

  it('give the story its Open Graph image at 1200x630', async () => {
    const html = await (await get(`/historier/${slug}`)).text()
    expect(html).toContain('<meta property="og:image:width" content="1200"/>')
    expect(html).toContain('<meta property="og:image:height" content="630"/>')
    expect(html).toMatch(
      /<meta property="og:image" content="http:\/\/127\.0\.0\.1:\d+\/api\/media\/file\/[^"]+-1200x630\.png"\/>/,
    )
  })
})
