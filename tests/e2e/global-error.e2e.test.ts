import { randomBytes } from 'node:crypto'
import { mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../helpers/browser'
import { TEST_DIST_DIR } from '../helpers/global-setup'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * When the root layout itself fails, app/global-error.tsx answers in Danish with ways on. The test server's
 * build runs a second time against a database nobody answers at, with an empty data cache (its own
 * folder, the build's files linked in), so the layout's site settings must come from the database and fail.
 * Next.js answers such a failure with status 500 and a minimal document from which the browser renders
 * global-error.tsx, so the page is read in Chromium.
 */

const coldDistDir = `${TEST_DIST_DIR}-cold-${process.pid}`
let down: RunningServer | undefined
let browser: Browser | undefined

afterAll(async () => {
  await browser?.close()
  await down?.stop()
  rmSync(coldDistDir, { recursive: true, force: true })
})

describe('the root layout failing', () => {
  it('answers 500 or 503 with the Danish error page and ways on', async () => {
    mkdirSync(coldDistDir, { recursive: true })
    for (const entry of readdirSync(TEST_DIST_DIR)) {
      // `cache` holds the data the other server cached; without it every read goes to the database.
      if (entry !== 'cache') symlinkSync(path.resolve(TEST_DIST_DIR, entry), path.join(coldDistDir, entry))
    }
    down = await startNextServer(
      coldDistDir,
      {
        DATABASE_URI: 'postgres://postgres@127.0.0.1:9/unreachable',
        PAYLOAD_SECRET: randomBytes(32).toString('hex'),
      },
      await freePort(),
    )
    browser = await launchChromium()
    const page = await browser.newPage({ locale: 'da-DK' })
    const response = await page.goto(`${down.url}/historier/en-historie-ingen-har-set-endnu`)
    expect([500, 503]).toContain(response?.status())
    await page.getByRole('heading', { level: 1, name: 'Siden kunne ikke vises lige nu' }).waitFor()
    expect(await page.getAttribute('html', 'lang')).toBe('da')
    const text = await page.locator('body').innerText()
    expect(text).toContain('Der opstod en fejl hos os, ikke hos dig.')
    expect(await page.getByRole('link', { name: 'Gå til forsiden' }).getAttribute('href')).toBe('/')
    expect(await page.getByRole('link', { name: 'Se alle historier' }).getAttribute('href')).toBe(
      '/historier',
    )
    expect(await page.locator('form[role="search"]').getAttribute('action')).toBe('/soeg')
    // Nothing of Next.js's English default, and no detail of the failure.
    expect(text).not.toMatch(/Application error|client-side exception|server-side exception/i)
    expect(text).not.toMatch(/ECONNREFUSED|127\.0\.0\.1:9/)
  }, 120_000)
})
