import type { Browser, Page } from 'playwright-core'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { DOCUMENT_ID } from '../helpers/database'
import { baseUrl, get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { createUser, type TestUser } from '../helpers/users'

/**
 * The editor's day in Chromium against the production build, in the Danish admin: log in, write a story
 * with a quote block and a contact, preview it (new tab and live preview), publish it, see it on the site,
 * publish a correction, and restore the earlier version.
 */

const TITLE = `Redaktørens browsertest ${Date.now().toString(36)}`
const QUOTE_WORDS = 'praksisnærhed' // in the seeded pull quote
const CONTACT = 'Thomas Børager' // the seeded contact

let browser: Browser
let page: Page
let payload: Payload
let editor: TestUser
let storyId: DefaultDocumentIDType | undefined
let slug = ''

/** What an anonymous reader gets for a path (tags stripped), polled until `check` holds or 10 s pass. */
async function readerSees(path: string, check: (status: number, text: string) => boolean): Promise<string> {
  return vi.waitFor(
    async () => {
      const response = await get(path)
      const text = (await response.text()).replace(/<[^>]+>/g, '')
      if (!check(response.status, text)) throw new Error(`${path}: still ${response.status} after 10 s`)
      return text
    },
    { timeout: 10_000, interval: 100 },
  )
}

/** Whether the saved draft has a chosen quote in its quote block, and a contact. */
async function draftHolds(): Promise<{ quote: boolean; contact: boolean }> {
  const draft = await payload.findByID({
    collection: 'articles',
    id: storyId!,
    draft: true,
    depth: 0,
    overrideAccess: true,
  })
  const body = JSON.stringify(draft.body ?? {})
  return {
    quote: /"blockType":"inlineQuote"/.test(body) && /"quote":(\d+|"[^"]+")/.test(body),
    contact: (draft.contacts ?? []).length > 0,
  }
}

async function pickOption(fieldSelector: string, search: string): Promise<void> {
  await page.locator(`${fieldSelector} .rs__control`).first().click()
  await page.keyboard.type(search)
  await page.locator('.rs__option', { hasText: search }).first().waitFor()
  await page.keyboard.press('Enter')
}

async function publish(): Promise<void> {
  const saved = page.waitForResponse(
    (r) =>
      new RegExp(`/api/articles/(${DOCUMENT_ID})`).test(r.url()) &&
      r.request().method() !== 'GET' &&
      !r.url().includes('autosave=true'),
  )
  await page.click('#action-save')
  expect((await saved).status()).toBe(200)
}

beforeAll(async () => {
  payload = await testPayload()
  // The first account is always an admin; the editor is the second.
  await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
  browser = await launchChromium()
  const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } })
  page = await context.newPage()
})

afterAll(async () => {
  await browser?.close()
  if (storyId) await removeDocument(payload, 'articles', storyId)
})

describe('the editor in the admin', () => {
  it('logs in to a Danish admin', async () => {
    await page.goto(`${baseUrl()}/admin/login`)
    expect(await page.getAttribute('html', 'lang')).toBe('da')
    await page.fill('input[name="email"]', editor.email)
    await page.fill('input[name="password"]', editor.password)
    await page.click('button[type="submit"]')
    await page.waitForURL(/\/admin\/?$/)
    await expect(page.locator('nav').getByText('Historier').first().isVisible()).resolves.toBe(true)
  })

  it('writes a story with a quote block and a contact; autosave gives it a slug', async () => {
    await page.goto(`${baseUrl()}/admin/collections/articles/create`)
    await page.fill('input[name="title"]', TITLE)
    await page.fill('textarea[name="lead"]', 'En manchet skrevet i browseren.')
    await page.locator('.rich-text-lexical [contenteditable="true"]').first().click()
    await page.keyboard.type('Første afsnit, skrevet af redaktøren.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('/citat')
    await page.locator('#slash-menu-popup__item-block-inlineQuote').waitFor()
    await page.keyboard.press('Enter')
    await pickOption('#field-quote', QUOTE_WORDS)
    await pickOption('#field-contacts', CONTACT)
    await expect
      .poll(() => page.inputValue('input[name="slug"]'), { timeout: 15_000 })
      .toMatch(/^redaktoerens-browsertest-/)
    slug = await page.inputValue('input[name="slug"]')
    storyId = page.url().match(new RegExp(`/articles/(${DOCUMENT_ID})`))?.[1]
    expect(storyId).toBeDefined()
    // The admin autosaves every 1.5 s, and an autosave's answer can re-render the block's form while a
    // choice is being made: wait until the saved draft holds the quote and the contact, choosing again
    // what it lost.
    for (let attempt = 0; ; attempt++) {
      const saved = await expect
        .poll(() => draftHolds(), { timeout: 8_000 })
        .toEqual({ quote: true, contact: true })
        .then(() => true)
        .catch(() => false)
      if (saved) break
      if (attempt === 2)
        throw new Error(`the draft lacks its quote or contact: ${JSON.stringify(await draftHolds())}`)
      const holds = await draftHolds()
      if (!holds.quote) await pickOption('#field-quote', QUOTE_WORDS)
      if (!holds.contact) await pickOption('#field-contacts', CONTACT)
    }
    // Not published yet: readers get a 404.
    expect((await get(`/historier/${slug}`)).status).toBe(404)
  })

  it('previews the draft in a new tab, with a banner and a way out', async () => {
    await page.locator('#preview-button').waitFor()
    const [preview] = await Promise.all([page.context().waitForEvent('page'), page.click('#preview-button')])
    await preview.waitForLoadState('load')
    expect(new URL(preview.url()).pathname).toBe(`/historier/${slug}`)
    const text = await preview.locator('body').innerText()
    expect(text).toContain(TITLE)
    expect(text).toContain('Forhåndsvisning:')
    expect(text).toContain(CONTACT)
    expect(text).toMatch(new RegExp(QUOTE_WORDS))
    await preview.getByRole('link', { name: 'Afslut forhåndsvisning' }).click()
    await preview.waitForLoadState('load')
    // Out of preview, the unpublished story is not there.
    expect(await preview.locator('body').innerText()).toContain('Siden findes ikke')
    await preview.close()
  })

  it('shows the draft in live preview next to the form, at phone and desktop widths', async () => {
    await page.click('#live-preview-toggler')
    const frame = page.frameLocator('iframe').first()
    await frame.getByText('Forhåndsvisning:').waitFor({ timeout: 15_000 })
    await expect(frame.getByRole('heading', { level: 1 }).innerText()).resolves.toBe(TITLE)
    for (const [name, width] of [
      ['Mobil', 375],
      ['Computer', 1440],
    ] as const) {
      await page.locator('.live-preview-toolbar-controls__breakpoint button').first().click()
      await page.getByRole('button', { name, exact: true }).click()
      // The toolbar shows the frame's size in CSS pixels (the frame itself may be scaled to fit).
      await expect
        .poll(() => page.locator('.live-preview-toolbar-controls__device-size input').first().inputValue())
        .toBe(String(width))
      await frame.getByText('Forhåndsvisning:').waitFor()
    }
    await page.click('#live-preview-toggler')
  })

  it('publishes, and readers see the story with its quote and contact', async () => {
    await publish()
    const text = await readerSees(`/historier/${slug}`, (status) => status === 200)
    expect(text).toContain(TITLE)
    expect(text).toContain(CONTACT)
    expect(text).toMatch(new RegExp(QUOTE_WORDS))
    expect(text).not.toContain('Forhåndsvisning:')
  })

  it('publishes a correction, then restores the earlier version', async () => {
    await page.fill('input[name="title"]', `${TITLE}, rettet`)
    await publish()
    await readerSees(`/historier/${slug}`, (_s, text) => text.includes(`${TITLE}, rettet`))
    await page.goto(`${baseUrl()}/admin/collections/articles/${storyId}/versions`)
    await page.locator('tr', { hasText: 'Tidligere offentliggjort' }).first().locator('a').first().click()
    await page.getByRole('button', { name: 'Gendan denne version' }).click()
    await page.getByRole('button', { name: 'Bekræft' }).click()
    await page.waitForURL(new RegExp(`/admin/collections/articles/${storyId}$`))
    await readerSees(
      `/historier/${slug}`,
      (_s, text) => text.includes(TITLE) && !text.includes(`${TITLE}, rettet`),
    )
  })

  it('flags a video block without an address, which readers never see', async () => {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'innovationspraktikanter-kiggede-faxe-kommune-i-kortene' } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
    })
    const seeded = docs[0]
    expect(seeded).toBeDefined()
    await page.goto(`${baseUrl()}/admin/collections/articles/${seeded?.id}`)
    // The seed's video has a caption but no address (the old site's link was lost).
    await page.getByText('Videoen mangler en adresse.').first().waitFor({ timeout: 20_000 })
    const text = await get('/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene').then((r) =>
      r.text(),
    )
    expect(text).not.toContain('Se mere om COIs innovationspraktik')
  })
})
