import AxeBuilder from '@axe-core/playwright'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { baseUrl } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'

/**
 * Every page type in Chromium against the production build: status and key content, axe (WCAG 2.1 A/AA)
 * with no violations, no console errors, nothing requested from another host and no cookie set.
 */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

const PAGES: { name: string; path: string; status: number; text: string }[] = [
  { name: 'forside', path: '/', status: 200, text: 'FAXE ER ET TILVALG - DET ER VORES VISION' },
  {
    name: 'historier',
    path: '/historier',
    status: 200,
    text: 'Innovationspraktikanter kiggede Faxe Kommune i kortene',
  },
  { name: 'historie', path: STORY_PATH, status: 200, text: 'Vil du vide mere?' },
  { name: 'emner', path: '/emner', status: 200, text: 'Innovationspraktik' },
  { name: 'emne', path: '/emner/innovationspraktik', status: 200, text: 'Innovationspraktik' },
  { name: 'praktikanter', path: '/praktikanter', status: 200, text: 'Victor Mørk Johansen' },
  {
    name: 'praktikant',
    path: '/praktikanter/charlotte-aakerstroem',
    status: 200,
    text: 'Udviklingskonsulent',
  },
  { name: 'kontakt', path: '/kontakt', status: 200, text: 'tbrag@faxekommune.dk' },
  { name: 'om', path: '/om', status: 200, text: 'Om Faxe i Fællesskab' },
  { name: 'privatlivspolitik', path: '/privatlivspolitik', status: 200, text: 'Sitet sætter ingen cookies' },
  {
    name: 'tilgaengelighedserklaering',
    path: '/tilgaengelighedserklaering',
    status: 200,
    text: 'WCAG 2.1 på niveau AA',
  },
  { name: 'soeg', path: '/soeg', status: 200, text: 'Søg i titler, manchetter, brødtekst og citater' },
  { name: 'soeg-resultater', path: '/soeg?q=praksisn%C3%A6rhed', status: 200, text: '1 historie matcher' },
  { name: 'api-docs', path: '/api/docs', status: 200, text: 'Indholds-API' },
  { name: '404', path: '/historier/findes-ikke', status: 404, text: 'Siden findes ikke' },
  { name: '404-ukendt', path: '/noget/helt/andet', status: 404, text: 'Siden findes ikke' },
]

let browser: Browser

beforeAll(async () => {
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
})

type Visit = { page: Page; context: BrowserContext; errors: string[]; foreign: string[] }

async function visit(
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<Visit & { status: number }> {
  const context = await browser.newContext({ viewport, locale: 'da-DK' })
  const page = await context.newPage()
  const errors: string[] = []
  const foreign: string[] = []
  const origin = new URL(baseUrl()).host
  page.on('console', (message) => {
    // The browser reports the 404 document itself as a failed resource; that is the expected answer.
    if (message.type() === 'error' && !message.text().includes('status of 404')) errors.push(message.text())
  })
  page.on('pageerror', (error) => errors.push(error.message))
  // A CSP violation caught inside a library (zod probing for eval, say) never reaches the console.
  await page.exposeFunction('reportCspViolation', (text: string) => errors.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      report(`CSP ${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}`)
    })
  })
  page.on('request', (request) => {
    const url = new URL(request.url())
    if (url.protocol.startsWith('http') && url.host !== origin) foreign.push(request.url())
  })
  // Requests to other hosts are recorded and then refused, so nothing leaves the machine.
  await page.route(/^https?:\/\//, (route) =>
    new URL(route.request().url()).host === origin ? route.continue() : route.abort(),
  )
  const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'load' })
  await page.waitForTimeout(300)
  return { page, context, errors, foreign, status: response?.status() ?? 0 }
}

describe.each(PAGES)('$name ($path)', ({ path, status, text }) => {
  it('loads with its key content, no console errors, no foreign request and no cookie', async () => {
    const { page, context, errors, foreign, status: actual } = await visit(path)
    try {
      expect(actual).toBe(status)
      await expect.poll(() => page.getByText(text, { exact: false }).first().isVisible()).toBe(true)
      expect(await page.getAttribute('html', 'lang')).toBe('da')
      expect(errors).toEqual([])
      expect(foreign).toEqual([])
      expect(await context.cookies()).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('has no WCAG 2.1 A/AA violations (axe), on desktop and at 320 px', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 320, height: 640 },
    ]) {
      const { page, context } = await visit(path, viewport)
      try {
        const result = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
          .analyze()
        // Guard against an analysis that silently checked nothing.
        expect(result.passes.length, `${path}: axe checked rules`).toBeGreaterThan(10)
        const summary = result.violations.map(
          (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        )
        expect(summary, `${path} at ${viewport.width}px`).toEqual([])
      } finally {
        await context.close()
      }
    }
  })
})

describe('the story page by keyboard alone', () => {
  it('offers a skip link first, which moves focus to the content, and reaches the contact link', async () => {
    const { page, context } = await visit(STORY_PATH)
    try {
      await page.keyboard.press('Tab')
      const skip = page.locator('a.skip-link')
      await expect.poll(() => skip.evaluate((el) => el === document.activeElement)).toBe(true)
      expect(await skip.isVisible()).toBe(true)
      await page.keyboard.press('Enter')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('indhold')
      const reached: string[] = []
      for (let i = 0; i < 40; i++) {
        await page.keyboard.press('Tab')
        const href = await page.evaluate(() =>
          (document.activeElement as HTMLAnchorElement | null)?.getAttribute('href'),
        )
        if (href) reached.push(href)
        if (href === 'mailto:tbrag@faxekommune.dk') break
      }
      expect(reached).toContain('/praktikanter/charlotte-gisselmann-jessen')
      expect(reached).toContain('mailto:tbrag@faxekommune.dk')
      const outline = await page.evaluate(
        () => getComputedStyle(document.activeElement as Element).outlineStyle,
      )
      expect(outline).not.toBe('none')
    } finally {
      await context.close()
    }
  })

  it('reads completely with JavaScript disabled', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    try {
      await page.goto(`${baseUrl()}${STORY_PATH}`)
      for (const text of [
        'Det var et gennemarbejdet',
        'Hhv. en udviklingskonsulent',
        'Victor Mørk Johansen',
        'Vil du vide mere?',
      ]) {
        expect(await page.getByText(text).first().isVisible(), text).toBe(true)
      }
    } finally {
      await context.close()
    }
  })
})

describe('a video in a story', () => {
  it('requests nothing from the video host until the reader clicks, then only the privacy-enhanced player', async () => {
    const payload = await testPayload()
    const story = await payload.create({
      collection: 'articles',
      data: {
        title: 'Historie med video',
        _status: 'published',
        body: {
          root: {
            type: 'root',
            version: 1,
            format: '',
            indent: 0,
            direction: 'ltr',
            children: [
              {
                type: 'block',
                version: 2,
                format: '',
                fields: {
                  id: '0123456789abcdef01234567',
                  blockName: '',
                  blockType: 'videoEmbed',
                  url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
                  caption: 'En video',
                },
              },
            ],
          },
        },
      },
      overrideAccess: true,
      context: testContext,
    })
    const { page, context, foreign } = await visit(`/historier/${story.slug}`)
    try {
      expect(foreign).toEqual([])
      expect(await page.locator('iframe').count()).toBe(0)
      await page.getByRole('button', { name: 'Afspil video fra YouTube' }).click()
      await expect
        .poll(() => page.locator('iframe').getAttribute('src'))
        .toBe('https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1')
      await expect.poll(() => foreign.length).toBeGreaterThan(0)
      expect(foreign.every((url) => url.startsWith('https://www.youtube-nocookie.com/'))).toBe(true)
    } finally {
      await context.close()
      await removeDocument(payload, 'articles', story.id)
    }
  })
})
