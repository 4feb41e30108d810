import type { Browser, BrowserContext, Page } from 'playwright-core'
import type { Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { baseUrl, get } from '../helpers/http'
import {
  BAD_HREFS,
  createHostileFixture,
  deleteHostileFixture,
  type HostileFixture,
  MARK,
} from '../helpers/hostile'
import { testPayload } from '../helpers/payload'
import { restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'

/**
 * The hostile story (tests/helpers/hostile.ts) on every public page type, in the feed, in the JSON-LD and
 * in the admin's list and edit views, in Chromium: no dialog opens, no CSP violation is reported, and the
 * HTML as sent never contains a payload unescaped (nor a javascript:/data: link).
 */

let payload: Payload
let editor: TestUser & { token: string }
let fixture: HostileFixture
let browser: Browser

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
  fixture = await createHostileFixture(payload, editor.token)
  browser = await launchChromium()
})

afterAll(async () => {
  await browser?.close()
  if (fixture) await deleteHostileFixture(editor.token, fixture)
  if (editor) await deleteUser(payload, editor)
})

/** The markup a payload would be if it were not escaped. */
const UNESCAPED = [
  /<script>alert\(1\)<\/script>/i,
  /<img src=x onerror=alert\(1\)>/i,
  /href\s*=\s*["']?\s*(?:javascript|data):/i,
  /src\s*=\s*["']?\s*(?:javascript|data):text/i,
]

type Watch = { dialogs: string[]; violations: string[] }

async function open(context: BrowserContext): Promise<{ page: Page; watch: Watch }> {
  const page = await context.newPage()
  const watch: Watch = { dialogs: [], violations: [] }
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`)
    void dialog.dismiss()
  })
  page.on('console', (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) watch.violations.push(message.text())
  })
  await page.exposeFunction('reportCspViolation', (text: string) => watch.violations.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { reportCspViolation: (text: string) => void }).reportCspViolation
      void report(`${event.violatedDirective}: ${event.blockedURI}`)
    })
  })
  return { page, watch }
}

async function check(context: BrowserContext, path: string, expectMark = true): Promise<void> {
  const { page, watch } = await open(context)
  try {
    const response = await page.goto(`${baseUrl()}${path}`, { waitUntil: 'networkidle' })
    expect(response?.status(), path).toBeLessThan(400)
    const html = (await response?.text()) ?? ''
    if (expectMark) expect(html, `${path} shows the hostile story`).toContain(MARK)
    for (const pattern of UNESCAPED) expect(html, `${path}: ${pattern}`).not.toMatch(pattern)
    // The page as the browser built it: no injected element, no unsafe link.
    const injected = await page.evaluate(() => ({
      onerror: document.querySelectorAll('[onerror]').length,
      imgX: document.querySelectorAll('img[src="x"]').length,
      badLinks: [...document.querySelectorAll('a[href]')]
        .map((a) => a.getAttribute('href') ?? '')
        .filter((href) => /^\s*(javascript|data):/i.test(href)),
    }))
    expect(injected, path).toEqual({ onerror: 0, imgX: 0, badLinks: [] })
    // JSON-LD: a `<` inside the script tag would let `</script>` end it.
    const jsonLd = await page.$$eval('script[type="application/ld+json"]', (nodes) =>
      nodes.map((node) => node.textContent ?? ''),
    )
    for (const block of jsonLd) {
      expect(block, `${path}: JSON-LD`).not.toContain('<')
      expect(() => JSON.parse(block), `${path}: JSON-LD parses`).not.toThrow()
    }
    await page.waitForTimeout(300)
    expect(watch.dialogs, `${path}: dialogs`).toEqual([])
    expect(watch.violations, `${path}: CSP violations`).toEqual([])
  } finally {
    await page.close()
  }
}

describe('a hostile story on the public site', () => {
  it('renders every page type escaped, with no dialog and no CSP violation', async () => {
    const context = await browser.newContext()
    try {
      const paths = [
        `/historier/${fixture.article.slug}`,
        '/historier',
        '/',
        `/emner/${fixture.topic.slug}`,
        '/praktikanter',
        `/praktikanter/${fixture.intern.slug}`,
        '/kontakt',
        `/${fixture.page.slug}`,
      ]
      for (const path of paths) await check(context, path)
      // Search lists the story whatever engine answers the query; the page must stay inert either way.
      await check(context, `/soeg?q=${encodeURIComponent(MARK)}`, false)
    } finally {
      await context.close()
    }
  })

  it('escapes it in the feed', async () => {
    const response = await get('/feed.xml')
    const xml = await response.text()
    expect(xml).toContain(MARK)
    expect(xml).not.toMatch(/<script>alert\(1\)<\/script>/)
    expect(xml).not.toMatch(/<img src=x onerror/)
    for (const href of BAD_HREFS) expect(xml).not.toContain(`href="${href}`)
  })
})

describe('a hostile story in the admin', () => {
  it('shows the list and the edit view inert', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
    try {
      const { page, watch } = await open(context)
      await page.goto(`${baseUrl()}/admin/login`)
      await page.fill('input[name="email"]', editor.email)
      await page.fill('input[name="password"]', editor.password)
      await page.click('button[type="submit"]')
      await page.waitForURL(/\/admin\/?$/)
      await page.close()
      expect(watch.dialogs).toEqual([])
      for (const path of [
        '/admin/collections/articles',
        `/admin/collections/articles/${fixture.article.id}`,
        `/admin/collections/interns/${fixture.intern.id}`,
        `/admin/collections/quotes/${fixture.quote.id}`,
        `/admin/collections/pages/${fixture.page.id}`,
      ]) {
        await check(context, path, false)
      }
    } finally {
      await context.close()
    }
  })
})
