/**
 * `npm run lighthouse`: Lighthouse 12.2.3 (mobile) in Debian's Chromium on five pages of a running site
 * (`npm start` first, or BASE_URL=...). Each page is measured RUNS times (3 by default) and the median of
 * each category is printed in one table, with Total Blocking Time and LCP, then every audit that did not
 * pass in the median run. Exits 1 when a median is below target: performance 95, the others 100. Run it
 * on a quiet machine (under the heavy lock here): Lighthouse's CPU numbers move with the load.
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
    RUNS: z.coerce.number().int().min(1).max(9).default(3),
  })
  .parse(process.env)

const PAGES = [
  '/',
  '/historier',
  '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene',
  '/praktikanter',
  '/soeg',
]
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
const TARGETS: Record<(typeof CATEGORIES)[number], number> = {
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
      numericValue: z.number().optional(),
    }),
  ),
})
type Report = z.infer<typeof report>

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? 0
}

function runLighthouse(url: string, out: string): Report {
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
  return report.parse(JSON.parse(readFileSync(out, 'utf8')))
}

const score = (r: Report, category: string) => Math.round((r.categories[category]?.score ?? 0) * 100)
const ms = (r: Report, audit: string) => Math.round(r.audits[audit]?.numericValue ?? 0)

const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-lighthouse-'))
let failed = false
const rows: string[][] = []
const misses: string[] = []
try {
  for (const page of PAGES) {
    const url = new URL(page, options.BASE_URL).toString()
    const runs: Report[] = []
    for (let i = 0; i < options.RUNS; i++) runs.push(runLighthouse(url, path.join(dir, `run-${i}.json`)))
    const medians = CATEGORIES.map((c) => median(runs.map((r) => score(r, c))))
    CATEGORIES.forEach((c, i) => {
      if ((medians[i] ?? 0) < TARGETS[c]) failed = true
    })
    const tbt = median(runs.map((r) => ms(r, 'total-blocking-time')))
    const lcp = median(runs.map((r) => ms(r, 'largest-contentful-paint')))
    rows.push([
      page,
      ...medians.map(String),
      `${tbt} ms`,
      `${(lcp / 1000).toFixed(1)} s`,
      runs.map((r) => score(r, 'performance')).join('/'),
    ])
    // The audits that did not pass in the run whose performance score is the median.
    const perf = median(runs.map((r) => score(r, 'performance')))
    const typical = runs.find((r) => score(r, 'performance') === perf) ?? runs[0]
    for (const [id, audit] of Object.entries(typical?.audits ?? {})) {
      const scored = !['informative', 'notApplicable', 'manual'].includes(audit.scoreDisplayMode)
      if (scored && audit.score !== null && audit.score < 1) {
        misses.push(`${page}  ${id}: ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`)
      }
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true })
}

const header = ['page', 'perf', 'a11y', 'best-pr.', 'seo', 'TBT', 'LCP', `perf of ${options.RUNS} runs`]
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`
console.log(`Lighthouse 12 (mobile), median of ${options.RUNS} runs, ${options.BASE_URL}`)
console.log(line(header))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const row of rows) console.log(line(row))
if (misses.length > 0) console.log(`\nAudits below 1 (median run):\n${misses.join('\n')}`)
if (failed) {
  console.error('\n[lighthouse] Below target (performance 95, the others 100).')
  process.exit(1)
}
