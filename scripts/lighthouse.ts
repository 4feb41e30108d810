/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (mobile) in Debian's Chromium on the home and story pages of a
 * running site (`npm start` first, or BASE_URL=...). Prints the four category scores per page and every
 * audit that did not pass; exits 1 when accessibility, best practices or SEO is below 100 or performance
 * below 95 (the project's targets).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const options = z
  .object({
    BASE_URL: z.url().default('http://localhost:3000'),
    CHROMIUM_PATH: z.string().default('/usr/bin/chromium'),
  })
  .parse(process.env)

const PAGES = ['/', '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene']
const TARGETS: Record<string, number> = {
  performance: 95,
  accessibility: 100,
  'best-practices': 100,
  seo: 100,
}

const report = z.object({
  categories: z.record(z.string(), z.object({ score: z.number().nullable() })),
  audits: z.record(
    z.string(),
    z.object({
      score: z.number().nullable(),
      scoreDisplayMode: z.string(),
      displayValue: z.string().optional(),
    }),
  ),
})

const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-lighthouse-'))
let failed = false
try {
  for (const page of PAGES) {
    const url = new URL(page, options.BASE_URL).toString()
    const out = path.join(dir, 'report.json')
    const run = spawnSync(
      process.execPath,
      [
        path.join('node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--quiet',
        '--form-factor=mobile',
        '--output=json',
        `--output-path=${out}`,
        '--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      { env: { ...process.env, CHROME_PATH: options.CHROMIUM_PATH }, encoding: 'utf8' },
    )
    if (run.status !== 0) throw new Error(`lighthouse failed for ${url}:\n${run.stderr}`)
    const result = report.parse(JSON.parse(readFileSync(out, 'utf8')))
    const scores = Object.entries(result.categories).map(([name, { score }]) => {
      const value = Math.round((score ?? 0) * 100)
      if (value < (TARGETS[name] ?? 0)) failed = true
      return `${name} ${value}`
    })
    console.log(`[lighthouse] ${page}: ${scores.join(', ')}`)
    for (const [id, audit] of Object.entries(result.audits)) {
      const scored = !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)
      if (scored && audit.score !== null && audit.score < 1) {
        console.log(
          `[lighthouse]     ${id}: ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
        )
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}
if (failed) {
  console.error('[lighthouse] Below target (performance 95, the others 100).')
  process.exit(1)
}
