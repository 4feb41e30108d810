import type { FreshnessResult, MissResult, PageWeight, SitemapCheck } from './probes'
import type { LoadResult } from './load'
import type { TopologyResult } from './topology'
import type { WrkResult } from './wrk'

/** What one dataset (N synthetic stories plus the seed story) measured. */
export type DatasetResult = {
  syntheticStories: number
  publishedStories: number
  prepareMs: number
  buildMs: number
  paths: Record<string, string>
  /** Stories `/soeg` reports for the query, as the page words it ("more than 200" when capped). */
  searchHits: string
  staticCeiling: { before: LoadResult; after: LoadResult; requestsPerSecond: number }
  load: Record<string, LoadResult & { percentOfStatic: number }>
  /** wrk against nginx serving the story page's bytes, and the same pages (absent without wrk and nginx). */
  wrk?: {
    nginx: { before: WrkResult; after: WrkResult; requestsPerSecond: number }
    pages: Record<string, WrkResult & { percentOfNginx: number }>
  }
  /** The front cache and two instances (bench/topology.ts); why not, when skipped. */
  topology?: TopologyResult
  cacheMiss: Record<string, MissResult>
  freshness: FreshnessResult
  pageWeight: PageWeight
  memory: { idleBytes: number; peakUnderLoadBytes: number; endOfLoadBytes: number }
  sitemap: SitemapCheck
}

export type Target = { key: string; label: string; page: boolean }

/** Labels of the measured endpoints, in table order. The deep list page may differ per dataset. */
export const TARGETS: Target[] = [
  { key: 'home', label: '`/`', page: true },
  { key: 'list', label: '`/historier`', page: true },
  { key: 'listDeep', label: '`/historier/side/50`', page: true },
  { key: 'story', label: 'story page', page: true },
  { key: 'topic', label: 'topic page', page: true },
  { key: 'search', label: '`/soeg?q=<word>`', page: true },
  { key: 'feed', label: '`/feed.xml`', page: true },
  { key: 'sitemap', label: '`/sitemap/0.xml` (first sitemap file)', page: true },
  { key: 'apiList', label: '`GET /api/articles?limit=10`', page: false },
  { key: 'apiDoc', label: '`GET /api/articles/<id>`', page: false },
  { key: 'graphql', label: 'GraphQL `Articles(limit: 10)`', page: false },
]

/** Pages measured again with wrk against the nginx ceiling (bench/wrk.ts). */
export const WRK_PAGES = ['story', 'list', 'search'] as const

/** Pages that must come from the cache between changes. */
const CACHED_PAGES = ['home', 'list', 'listDeep', 'story']
const FRESHNESS_PAGES = ['story', 'home', 'list', 'topic', 'feed', 'search']
/** The same through the front cache, when the topology part ran. */
const FRONT_FRESHNESS_PAGES = ['frontStory', 'frontHome', 'frontList']
const freshnessPages = (result: DatasetResult) => [
  ...FRESHNESS_PAGES,
  ...FRONT_FRESHNESS_PAGES.filter((page) => page in result.freshness.publish),
]
const FRESHNESS_LABELS: Record<string, string> = {
  frontStory: 'story page through the front cache',
  frontHome: '`/` through the front cache',
  frontList: '`/historier` through the front cache',
  story: 'story page',
  home: '`/`',
  list: '`/historier`',
  topic: 'topic page',
  feed: '`/feed.xml`',
  search: '`/soeg`',
}

export type TargetCheck = { target: string; met: boolean; detail: string }

const n = (value: number, digits = 0) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })
const ms = (value: number | null) => (value === null ? '> 10 s' : `${value < 10 ? n(value, 1) : n(value)} ms`)
/** The slowest of the repeated publishes, or how many of them the page did not show within the timeout. */
const raceText = (race: DatasetResult['freshness']['publishAfterDraftSave'], page: string) => {
  const timedOut = race.timedOut[page] ?? 0
  return timedOut ? `> 10 s in ${timedOut} of ${race.attempts}` : ms(race.worst[page] ?? null)
}
const kb = (bytes: number) => `${n(bytes / 1024, 1)} KB`
const mb = (bytes: number) => `${n(bytes / 1024 / 1024, 0)} MB`
const pct = (value: number) => `${n(value, value < 1 ? 2 : 1)}%`
const hitShare = (cache: Record<string, number>) => {
  const total = Object.values(cache).reduce((a, b) => a + b, 0)
  return total === 0 ? 0 : (cache.HIT ?? 0) / total
}

function cacheText(cache: Record<string, number>): string {
  const total = Object.values(cache).reduce((a, b) => a + b, 0)
  if (total === 0 || (Object.keys(cache).length === 1 && cache.none)) return 'no cache header'
  return Object.entries(cache)
    .sort(([, a], [, b]) => b - a)
    .map(([value, count]) => `${value} ${pct((count / total) * 100)}`)
    .join(', ')
}

/** Every target of issue 6, checked against the figures of the largest and smallest datasets. */
export function checkTargets(results: DatasetResult[]): TargetCheck[] {
  const checks: TargetCheck[] = []
  const largest = results[results.length - 1] as DatasetResult
  const smallest = results[0] as DatasetResult
  for (const result of results) {
    const at = `N=${n(result.syntheticStories)}`
    for (const key of CACHED_PAGES) {
      const load = result.load[key]
      if (!load) continue
      const met = load.percentOfStatic >= 3 && hitShare(load.cache) >= 0.99 && load.errors === 0
      checks.push({
        target: `${at}: ${key} served from cache at >= 3% of static, 0 errors`,
        met,
        detail: `${pct(load.percentOfStatic)}, ${cacheText(load.cache)}, ${load.errors} errors`,
      })
    }
    const failing = Object.entries(result.load).filter(([, load]) => load.errors > 0)
    checks.push({
      target: `${at}: zero errors under load`,
      met: failing.length === 0,
      detail: failing.length ? failing.map(([key, load]) => `${key}: ${load.errors}`).join(', ') : 'none',
    })
    const storyMiss = result.cacheMiss.story
    if (storyMiss) {
      checks.push({
        target: `${at}: story page cache-miss render p50 < 100 ms`,
        met: storyMiss.p50Ms < 100,
        detail: ms(storyMiss.p50Ms),
      })
    }
    const slow = freshnessPages(result).flatMap((page) =>
      (['publish', 'update', 'unpublish'] as const).flatMap((action) => {
        const value = result.freshness[action][page] ?? null
        return value === null || value >= 1000 ? [`${page} ${action}: ${ms(value)}`] : []
      }),
    )
    checks.push({
      target: `${at}: freshness < 1 s on every page type (pages cached when the change comes)`,
      met: slow.length === 0,
      detail: slow.length ? slow.join(', ') : 'all under 1 s',
    })
    const race = result.freshness.publishAfterDraftSave
    const raceSlow = freshnessPages(result).flatMap((page) => {
      const value = race.worst[page] ?? null
      return value === null || value >= 1000 ? [`${page}: ${raceText(race, page)}`] : []
    })
    checks.push({
      target: `${at}: freshness < 1 s on every page type (publish right after a draft save, ${race.attempts} attempts)`,
      met: raceSlow.length === 0,
      detail: raceSlow.length ? raceSlow.join(', ') : 'all under 1 s',
    })
  }
  const search = largest.load.search
  const apiList = largest.load.apiList
  const at = `N=${n(largest.syntheticStories)}`
  if (search) {
    checks.push({
      target: `${at}: /soeg at >= 1% of static`,
      met: search.percentOfStatic >= 1,
      detail: pct(search.percentOfStatic),
    })
  }
  const searchWrk = largest.wrk?.pages.search
  if (searchWrk) {
    checks.push({
      target: `${at}: /soeg at >= 1% of nginx (wrk)`,
      met: searchWrk.percentOfNginx >= 1 && searchWrk.non2xx + searchWrk.errors === 0,
      detail: `${pct(searchWrk.percentOfNginx)} (${n(searchWrk.requestsPerSecond)} of ${n(largest.wrk?.nginx.requestsPerSecond ?? 0)} req/s), ${searchWrk.non2xx + searchWrk.errors} errors`,
    })
  }
  const topology = largest.topology
  const storyWrk = largest.wrk?.pages.story
  if (topology && 'frontCache' in topology) {
    const front = topology.frontCache
    checks.push({
      target: `${at}: story page through the front cache at >= 50% of nginx (wrk)`,
      met: front.percentOfNginx >= 50 && front.non2xx + front.errors === 0,
      detail: `${pct(front.percentOfNginx)} (${n(front.requestsPerSecond)} req/s), ${front.non2xx + front.errors} errors, ${pct(front.hitShare * 100)} hits`,
    })
  } else if (topology) {
    checks.push({ target: `${at}: story page through the front cache`, met: false, detail: topology.skipped })
  }
  if (storyWrk) {
    checks.push({
      target: `${at}: story page on one instance directly at >= 3% of nginx (wrk)`,
      met: storyWrk.percentOfNginx >= 3 && storyWrk.non2xx + storyWrk.errors === 0,
      detail: `${pct(storyWrk.percentOfNginx)} (${n(storyWrk.requestsPerSecond)} req/s)`,
    })
  }
  if (apiList) {
    checks.push({
      target: `${at}: GET /api/articles?limit=10 at >= 1% of static`,
      met: apiList.percentOfStatic >= 1,
      detail: pct(apiList.percentOfStatic),
    })
  }
  if (results.length > 1) {
    const slower: string[] = []
    for (const target of TARGETS.filter((t) => t.page)) {
      const missSmall = smallest.cacheMiss[target.key]
      const missLarge = largest.cacheMiss[target.key]
      if (missSmall && missLarge && missLarge.p50Ms / missSmall.p50Ms > 1.5) {
        slower.push(`${target.key} cache miss x${n(missLarge.p50Ms / missSmall.p50Ms, 2)}`)
      }
      const loadSmall = smallest.load[target.key]
      const loadLarge = largest.load[target.key]
      if (loadSmall && loadLarge && loadSmall.requestsPerSecond / loadLarge.requestsPerSecond > 1.5) {
        slower.push(
          `${target.key} throughput x${n(loadSmall.requestsPerSecond / loadLarge.requestsPerSecond, 2)}`,
        )
      }
    }
    checks.push({
      target: `no page type more than 1.5x slower at N=${n(largest.syntheticStories)} than at N=${n(smallest.syntheticStories)}`,
      met: slower.length === 0,
      detail: slower.length ? slower.join(', ') : 'none',
    })
  }
  checks.push({
    target: 'story page client JS beyond an empty page < 15 KB gzip',
    met: largest.pageWeight.jsBeyondEmptyGzipBytes < 15 * 1024,
    detail: kb(largest.pageWeight.jsBeyondEmptyGzipBytes),
  })
  const sitemapMiss = largest.cacheMiss.sitemap
  if (sitemapMiss) {
    checks.push({
      target: `${at}: sitemap file render (cache miss) < 500 ms`,
      met: sitemapMiss.p50Ms < 500,
      detail: ms(sitemapMiss.p50Ms),
    })
  }
  checks.push({
    target: `${at}: sitemap valid`,
    met: largest.sitemap.valid,
    detail: largest.sitemap.valid
      ? `${n(largest.sitemap.urls)} URLs, ${n(largest.sitemap.stories)} stories`
      : largest.sitemap.problems.join('; '),
  })
  return checks
}

type Row = { measure: string; values: string[]; growth: string; target: string; met: string }

const yes = (met: boolean | undefined) => (met === undefined ? '' : met ? 'yes' : '**no**')

/** The one table `npm run bench` prints: every figure, per dataset side by side, with growth and targets. */
export function renderTable(results: DatasetResult[]): string {
  const two = results.length > 1
  const first = results[0] as DatasetResult
  const last = results[results.length - 1] as DatasetResult
  const rows: Row[] = []
  const add = (measure: string, value: (r: DatasetResult) => string, growth = '', target = '', met = '') =>
    rows.push({ measure, values: results.map(value), growth, target, met })

  add(
    'Static ceiling (node:http, story HTML)',
    (r) =>
      `${n(r.staticCeiling.requestsPerSecond)} req/s (${n(r.staticCeiling.before.requestsPerSecond)} before, ${n(r.staticCeiling.after.requestsPerSecond)} after)`,
  )
  for (const target of TARGETS) {
    const label = target.key === 'listDeep' ? '`/historier/side/50` (or the last page)' : target.label
    const loadOf = (r: DatasetResult) => r.load[target.key] as DatasetResult['load'][string]
    const cached = CACHED_PAGES.includes(target.key)
    add(
      `${label}: load`,
      (r) => {
        const l = loadOf(r)
        const cache = target.page ? ` · ${cacheText(l.cache)}` : ''
        return `${n(l.requestsPerSecond)} req/s · ${pct(l.percentOfStatic)} · p50 ${ms(l.p50Ms)} / p99 ${ms(l.p99Ms)} · ${n(l.errors)} err${cache}`
      },
      two ? `x${n(loadOf(first).requestsPerSecond / loadOf(last).requestsPerSecond, 2)}` : '',
      cached
        ? '>= 3%, cache HIT, 0 err'
        : target.key === 'search' || target.key === 'apiList'
          ? '>= 1% at 10,000, 0 err'
          : '0 err',
      yes(
        cached
          ? results.every(
              (r) =>
                loadOf(r).percentOfStatic >= 3 && hitShare(loadOf(r).cache) >= 0.99 && loadOf(r).errors === 0,
            )
          : target.key === 'search' || target.key === 'apiList'
            ? loadOf(last).percentOfStatic >= 1 && results.every((r) => loadOf(r).errors === 0)
            : results.every((r) => loadOf(r).errors === 0),
      ),
    )
    if (target.page) {
      const missOf = (r: DatasetResult) => r.cacheMiss[target.key] as MissResult
      const growth = two ? missOf(last).p50Ms / missOf(first).p50Ms : 0
      add(
        `${label}: render after invalidation, p50`,
        (r) => {
          const miss = missOf(r)
          const fromCache = miss.cache.HIT ?? 0
          return `${ms(miss.p50Ms)}${fromCache ? ` (${fromCache} of ${miss.samples} answered HIT)` : ''}`
        },
        two ? `x${n(growth, 2)}` : '',
        target.key === 'story' ? '< 100 ms; growth <= 1.5x' : two ? 'growth <= 1.5x' : '',
        target.key === 'story'
          ? yes(results.every((r) => missOf(r).p50Ms < 100) && (!two || growth <= 1.5))
          : two
            ? yes(growth <= 1.5)
            : '',
      )
    }
  }
  if (results.some((r) => r.wrk)) {
    add('nginx ceiling (wrk -t2, story HTML)', (r) =>
      r.wrk
        ? `${n(r.wrk.nginx.requestsPerSecond)} req/s (${n(r.wrk.nginx.before.requestsPerSecond)} before, ${n(r.wrk.nginx.after.requestsPerSecond)} after)`
        : 'not measured',
    )
    for (const key of WRK_PAGES) {
      const label = TARGETS.find((t) => t.key === key)?.label ?? key
      const of = (r: DatasetResult) => r.wrk?.pages[key]
      const firstWrk = of(first)
      const lastWrk = of(last)
      add(
        `${label}: load with wrk, share of nginx`,
        (r) => {
          const w = of(r)
          return w
            ? `${n(w.requestsPerSecond)} req/s · ${pct(w.percentOfNginx)} · p50 ${ms(w.p50Ms)} / p99 ${ms(w.p99Ms)} · ${n(w.non2xx + w.errors)} err`
            : 'not measured'
        },
        two && firstWrk && lastWrk ? `x${n(firstWrk.requestsPerSecond / lastWrk.requestsPerSecond, 2)}` : '',
        key === 'search' ? '>= 1% at the largest N' : '',
        key === 'search' && lastWrk ? yes(lastWrk.percentOfNginx >= 1) : '',
      )
    }
  }
  if (results.some((r) => r.topology)) {
    const wrkText = (w: WrkResult & { percentOfNginx: number }) =>
      `${n(w.requestsPerSecond)} req/s · ${pct(w.percentOfNginx)} · p50 ${ms(w.p50Ms)} / p99 ${ms(w.p99Ms)} · ${n(w.non2xx + w.errors)} err`
    add(
      'story page through the front cache (Varnish), share of nginx',
      (r) =>
        r.topology && 'frontCache' in r.topology
          ? `${wrkText(r.topology.frontCache)} · ${pct(r.topology.frontCache.hitShare * 100)} hits`
          : (r.topology?.skipped ?? 'not measured'),
      '',
      '>= 50%',
      yes(
        results.every(
          (r) => r.topology && 'frontCache' in r.topology && r.topology.frontCache.percentOfNginx >= 50,
        ),
      ),
    )
    add('story page on two instances (Varnish as balancer, no cache), share of nginx', (r) =>
      r.topology && 'twoInstances' in r.topology
        ? wrkText(r.topology.twoInstances)
        : (r.topology?.skipped ?? 'not measured'),
    )
  }
  add('`/soeg` stories found', (r) => r.searchHits)
  const actions = ['publish', 'update', 'unpublish'] as const
  const attempts = first.freshness.publishAfterDraftSave.attempts
  for (const page of [
    ...FRESHNESS_PAGES,
    ...FRONT_FRESHNESS_PAGES.filter((p) => results.some((r) => p in r.freshness.publish)),
  ]) {
    add(
      `Freshness ${FRESHNESS_LABELS[page]}: publish / update / unpublish / publish right after a draft save (worst of ${attempts})`,
      (r) =>
        `${actions.map((a) => ms(r.freshness[a][page] ?? null)).join(' / ')} / ${raceText(r.freshness.publishAfterDraftSave, page)}`,
      '',
      '< 1 s each',
      yes(
        results.every((r) => {
          const values = [
            ...actions.map((a) => r.freshness[a][page]),
            r.freshness.publishAfterDraftSave.worst[page],
          ]
          return values.every((v) => v !== null && v !== undefined && v < 1000)
        }),
      ),
    )
  }
  add(
    'Freshness: the REST write itself (same order)',
    (r) =>
      `${[...actions, 'publishAfterDraftSave' as const].map((a) => ms(r.freshness.writeMs[a])).join(' / ')}`,
  )
  add('Story page HTML', (r) => `${kb(r.pageWeight.htmlBytes)} (${kb(r.pageWeight.htmlGzipBytes)} gzip)`)
  add(
    'Story page client JS (gzip)',
    (r) => `${kb(r.pageWeight.jsGzipBytes)} in ${r.pageWeight.scripts} files`,
  )
  add(
    `Empty page JS (gzip): the site's 404 page \`${first.pageWeight.emptyPage.url}\``,
    (r) => `${kb(r.pageWeight.emptyPage.jsGzipBytes)} in ${r.pageWeight.emptyPage.scripts} files`,
  )
  add(
    'Story page JS beyond the empty page (gzip)',
    (r) => kb(r.pageWeight.jsBeyondEmptyGzipBytes),
    '',
    '< 15 KB',
    yes(results.every((r) => r.pageWeight.jsBeyondEmptyGzipBytes < 15 * 1024)),
  )
  add(
    'Sitemap',
    (r) =>
      r.sitemap.valid
        ? `valid: ${n(r.sitemap.urls)} URLs in ${r.sitemap.files} ${r.sitemap.files === 1 ? 'file' : 'files'}, ${kb(r.sitemap.bytes)}`
        : `INVALID: ${r.sitemap.problems.join('; ')}`,
    '',
    'valid',
    yes(results.every((r) => r.sitemap.valid)),
  )
  add(
    'Server RSS idle',
    (r) => mb(r.memory.idleBytes),
    two ? `x${n(last.memory.idleBytes / first.memory.idleBytes, 2)}` : '',
  )
  add(
    'Server RSS at the end of the load (peak)',
    (r) => `${mb(r.memory.endOfLoadBytes)} (${mb(r.memory.peakUnderLoadBytes)})`,
    two ? `x${n(last.memory.endOfLoadBytes / first.memory.endOfLoadBytes, 2)}` : '',
  )
  add('Build wall time', (r) => `${n(r.buildMs / 1000, 1)} s`)
  add('Seeding wall time (migrate, seed, synthetic stories)', (r) => `${n(r.prepareMs / 1000, 1)} s`)

  const header = [
    'Measure',
    ...results.map((r) => `N=${n(r.syntheticStories)}`),
    ...(two ? [`N=${n(last.syntheticStories)} ÷ N=${n(first.syntheticStories)}`] : []),
    'Target',
    'Met',
  ]
  const lines = rows.map((row) => [
    row.measure,
    ...row.values,
    ...(two ? [row.growth] : []),
    row.target,
    row.met,
  ])
  const escape = (cell: string) => cell.replaceAll('|', '\\|')
  return [header, header.map(() => '---'), ...lines]
    .map((cells) => `| ${cells.map(escape).join(' | ')} |`)
    .join('\n')
}
