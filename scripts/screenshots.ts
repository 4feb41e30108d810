/**
 * `npm run screenshots`: full-page PNGs of every page type at desktop (1280 px) and mobile (375 px) width,
 * taken with Debian's Chromium from a running site (`npm start` first, or BASE_URL=...). Written to
 * screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { DEFAULT_CHROMIUM_PATH, launchChromium } from './lib/chromium'

const options = z
  .object({
    BASE_URL: z.url().default('http://localhost:3000'),
    CHROMIUM_PATH: z.string().default(DEFAULT_CHROMIUM_PATH),
  })
  .parse(process.env)

const PAGES: { name: string; path: string }[] = [
  { name: 'forside', path: '/' },
  { name: 'historie', path: '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene' },
  { name: 'historier', path: '/historier' },
  { name: 'praktikanter', path: '/praktikanter' },
  { name: 'praktikant', path: '/praktikanter/charlotte-aakerstroem' },
  { name: 'kontakt', path: '/kontakt' },
  { name: 'emner', path: '/emner' },
  { name: 'emne', path: '/emner/innovationspraktik' },
  { name: 'om', path: '/om' },
  { name: 'privatlivspolitik', path: '/privatlivspolitik' },
  { name: 'tilgaengelighedserklaering', path: '/tilgaengelighedserklaering' },
  { name: 'soeg', path: '/soeg' },
  { name: 'soeg-resultater', path: '/soeg?q=innovation' },
  { name: 'api-docs', path: '/api/docs' },
  { name: '404', path: '/historier/findes-ikke' },
  { name: '404-ukendt-adresse', path: '/noget/helt/andet' },
]

const WIDTHS = [
  { label: 'desktop', width: 1280, height: 800 },
  { label: 'mobil', width: 375, height: 740 },
]

async function main(): Promise<void> {
  const outDir = path.resolve('screenshots')
  mkdirSync(outDir, { recursive: true })
  const browser = await launchChromium(options.CHROMIUM_PATH)
  try {
    for (const viewport of WIDTHS) {
      const context = await browser.newContext({ viewport, locale: 'da-DK' })
      const page = await context.newPage()
      for (const { name, path: pathname } of PAGES) {
        const url = new URL(pathname, options.BASE_URL).toString()
        const response = await page.goto(url, { waitUntil: 'load' })
        const file = path.join(outDir, `${name}-${viewport.label}.png`)
        await page.screenshot({ path: file, fullPage: true })
        console.log(
          `[screenshots] ${response?.status() ?? '?'} ${pathname} -> ${path.relative(process.cwd(), file)}`,
        )
      }
      await context.close()
    }
  } finally {
    await browser.close()
  }
}

main().catch((error: unknown) => {
  console.error(`[screenshots] Failed: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
