/**
 * `npm run bench`: throughput, latency, cache-miss cost, freshness, growth, page weight and memory of the
 * production site, side by side with a static-file server on the same machine in the same run.
 *
 * For each dataset (the seed story plus N = 200, then N = 10,000 synthetic stories from bench/synthetic.ts)
 * it makes a fresh temporary SQLite database, builds the app against it, starts the production server
 * (scripts/serve.ts) and measures.
 * It prints one table on stdout (progress goes to stderr) and writes the figures to
 * bench/results/<date>-<commit>.json. `--smoke` (CI) runs one small dataset with short loads and writes
 * its JSON to a temporary file, so CI leaves the tree clean.
 */
import { execFileSync, spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { parseDatabaseUri } from '@/lib/env'
import { SYNTHETIC_SEARCH_WORD, syntheticStory, syntheticStorySlug } from './synthetic'
import { runBuild } from '@/scripts/lib/build'
import { CONNECTIONS, type LoadResult, type Request, load, rssBytes, startStaticServer } from './load'
import { cacheMiss, checkSitemap, freshness, login, pageWeight, rest } from './probes'
import { type DatasetResult, TARGETS, WRK_PAGES, checkTargets, renderTable } from './report'
import { measureTopology, startFrontCache, topologyAvailable } from './topology'
import { startNginx, type WrkResult, wrk, wrkAndNginxInstalled } from './wrk'
import { childEnv, freePort, startNextServer } from '@/scripts/lib/server'

const ROOT = process.cwd()
/** Its own build folder, so the build `npm start` serves and the tests' build are never touched. */
const DIST_DIR = '.next-bench'
/** Stories per list page (lib/data/story-cards.ts STORIES_PER_PAGE); the deep list page is page 50. */
const STORIES_PER_PAGE = 12
const DEEP_LIST_PAGE = 50

const optionsSchema = z.object({
  smoke: z.boolean(),
  sizes: z.array(z.number().int().min(1).max(100_000)).min(1),
  loadSeconds: z.number().positive(),
  warmupSeconds: z.number().positive(),
  missRepeats: z.number().int().min(1),
  raceAttempts: z.number().int().min(1),
})
type Options = z.infer<typeof optionsSchema>

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      // One dataset size: `--size 100000` is `--sizes 100000`.
      size: { type: 'string' },
      seconds: { type: 'string' },
    },
  })
  const smoke = values.smoke ?? false
  return optionsSchema.parse({
    smoke,
    sizes: (values.sizes ?? values.size ?? (smoke ? '20' : '200,10000')).split(',').map(Number),
    loadSeconds: Number(values.seconds ?? (smoke ? 2 : 10)),
    warmupSeconds: smoke ? 1 : 3,
    missRepeats: smoke ? 5 : 20,
    raceAttempts: smoke ? 2 : 5,
  })
}

const started = performance.now()
function progress(line: string): void {
  const seconds = Math.round((performance.now() - started) / 1000)
  process.stderr.write(
    `[bench ${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}] ${line}\n`,
  )
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const at = performance.now()
  const value = await work()
  return [value, performance.now() - at]
}

/** Runs bench/prepare.ts in a child process with the dataset's environment. */
async function prepareDatabase(env: Record<string, string>): Promise<void> {
  const script = path.join(ROOT, 'bench', 'prepare.ts')
  // process.execArgv carries tsx's loader and --conditions=production, so the child runs like this script.
  const child = spawn(process.execPath, [...process.execArgv, script], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const forward = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) if (line.trim()) progress(`  | ${line}`)
  }
  child.stdout.on('data', forward)
  child.stderr.on('data', forward)
  await new Promise<void>((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`preparing the database failed (exit ${code})`)),
    )
  })
}

function gitCommit(): { commit: string; dirty: boolean } {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim()
    const status = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
      cwd: ROOT,
      encoding: 'utf8',
    })
    return { commit, dirty: status.trim() !== '' }
  } catch (error) {
    progress(
      `not a git checkout (${(error as Error).message.split('\n')[0]}); the results file says "unknown"`,
    )
    return { commit: 'unknown', dirty: false }
  }
}

/**
 * The story the story-page figures use: the same one in every dataset of 200 or more stories, one with an
 * inline quote as well as a pull quote, so its page has the most to render.
 */
function pickStory(count: number): number {
  const start = Math.floor(Math.min(count, 200) / 2)
  for (let i = start; i < count; i++) if (syntheticStory(i).quotes.length === 2) return i
  return Math.min(start, count - 1)
}

const GRAPHQL_QUERY =
  '{ Articles(limit: 10, sort: "-publishedAt") { docs { id title slug lead publishedAt } totalDocs } }'

async function runDataset(count: number, options: Options): Promise<DatasetResult> {
  const label = `N=${count.toLocaleString('en-US')}`
  const tempDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-bench-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  const editor = { email: 'bench-editor@bench.faxe.invalid', password: randomBytes(16).toString('hex') }
  const env = {
    DATABASE_URI: `file:${path.join(tempDir, 'faxe.db')}`,
    MEDIA_DIR: path.join(tempDir, 'media'),
    PAYLOAD_SECRET: randomBytes(32).toString('hex'),
    SITE_URL: origin,
    PORT: String(port),
  }
  const cleanups: (() => Promise<void> | void)[] = [() => rmSync(tempDir, { recursive: true, force: true })]
  try {
    progress(`${label}: preparing a fresh database in ${tempDir} …`)
    const [, prepareMs] = await timed(() =>
      prepareDatabase({
        ...env,
        BENCH_STORIES: String(count),
        BENCH_EDITOR_EMAIL: editor.email,
        BENCH_EDITOR_PASSWORD: editor.password,
      }),
    )
    progress(`${label}: database ready in ${(prepareMs / 1000).toFixed(1)} s`)

    // Always a new build: Next.js prerenders the home page, the story list, the feed and the sitemap from
    // the database at build time, and this dataset's database did not exist before this run.
    progress(`${label}: building the app into ${DIST_DIR} (next build) …`)
    const [, buildMs] = await timed(() =>
      runBuild(
        DIST_DIR,
        { database: parseDatabaseUri(env.DATABASE_URI), siteUrl: origin },
        childEnv(env),
        (line) => progress(`  | ${line}`),
      ),
    )
    progress(`${label}: built in ${(buildMs / 1000).toFixed(1)} s`)

    // The topology part (bench/topology.ts): a front cache the server purges.
    const topology = topologyAvailable()
    const frontPort = topology.ok ? await freePort() : undefined
    const serverEnv = frontPort ? { ...env, FRONT_CACHE_URL: `http://127.0.0.1:${frontPort}` } : env
    progress(
      `${label}: starting the production server (scripts/serve.ts, NODE_ENV=production) on ${origin} …`,
    )
    const server = await startNextServer(DIST_DIR, serverEnv, port)
    cleanups.push(() => server.stop())
    const front = frontPort ? await startFrontCache(frontPort, `127.0.0.1:${port}`) : undefined
    if (front) cleanups.push(() => front.stop())
    else if (!topology.ok) progress(`${label}: front cache part skipped: ${topology.reason}`)
    const pid = server.process.pid
    if (pid === undefined) throw new Error('the server has no process id')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const idleBytes = rssBytes(pid)

    const session = await login(origin, editor.email, editor.password)
    const storyIndex = pickStory(count)
    const storySlug = syntheticStorySlug(storyIndex)
    const found = await rest<{
      docs: { id: number; lead: string; topics: { id: number; slug: string }[] }[]
    }>(session, 'GET', `/api/articles?where[slug][equals]=${storySlug}&depth=1&limit=1`)
    const story = found.docs[0]
    const topic = story?.topics[0]
    if (!story || !topic) throw new Error(`${storySlug} or its topic is missing`)
    const published = count + 1
    const deepPage = Math.min(DEEP_LIST_PAGE, Math.ceil(published / STORIES_PER_PAGE))
    const paths: Record<string, string> = {
      home: '/',
      list: '/historier',
      listDeep: `/historier/side/${deepPage}`,
      story: `/historier/${storySlug}`,
      topic: `/emner/${topic.slug}`,
      search: `/soeg?q=${encodeURIComponent(SYNTHETIC_SEARCH_WORD)}`,
      feed: '/feed.xml',
      // The first sitemap file: the whole sitemap up to 50,000 URLs, past that the biggest of the split files.
      sitemap: '/sitemap/0.xml',
      apiList: '/api/articles?limit=10',
      apiDoc: `/api/articles/${story.id}`,
      graphql: '/api/graphql',
    }
    const requests: Record<string, Request> = Object.fromEntries(
      Object.entries(paths).map(([key, p]) => [
        key,
        key === 'graphql'
          ? {
              method: 'POST',
              url: `${origin}${p}`,
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ query: GRAPHQL_QUERY }),
            }
          : { method: 'GET', url: `${origin}${p}` },
      ]),
    )

    // First requests: every target must answer 200, and pages get rendered into the cache once.
    for (const [key, request] of Object.entries(requests)) {
      const response = await fetch(request.url, {
        method: request.method,
        headers: request.headers,
        body: request.body,
      })
      const body = await response.text()
      if (response.status !== 200) throw new Error(`${key} ${paths[key]}: HTTP ${response.status}`)
      if (key === 'graphql' && body.includes('"errors"'))
        throw new Error(`GraphQL answered with errors: ${body}`)
    }
    const searchHtml = await (await fetch(requests.search?.url ?? '')).text()
    // The page's own summary line (app/(site)/soeg/page.tsx): "Ingen historier matcher", "<n> historier
    // matcher" or "Mere end <n> historier matcher" when the result list is capped.
    const summary = /(Mere end )?(\d+) historier? matcher/.exec(searchHtml)
    const searchHits = summary
      ? `${summary[1] ? 'more than ' : ''}${summary[2]}`
      : searchHtml.includes('Ingen historier matcher')
        ? '0'
        : 'unknown'
    const storyHtml = await (await fetch(requests.story?.url ?? '')).text()

    progress(`${label}: page weight of ${paths.story} …`)
    const weight = await pageWeight(origin, storyHtml, `${origin}/bench-side-der-ikke-findes`)

    const htmlFile = path.join(tempDir, 'story.html')
    writeFileSync(htmlFile, storyHtml)
    const staticServer = await startStaticServer(htmlFile, await freePort())
    cleanups.push(() => staticServer.stop())

    let peakUnderLoadBytes = 0
    const sampler = setInterval(() => (peakUnderLoadBytes = Math.max(peakUnderLoadBytes, rssBytes(pid))), 500)
    cleanups.push(() => clearInterval(sampler))
    const measure = async (name: string, request: Request): Promise<LoadResult> => {
      progress(
        `${label}: ${name}: ${options.warmupSeconds} s warm-up, ${options.loadSeconds} s at ${CONNECTIONS} connections …`,
      )
      await load(request, options.warmupSeconds)
      const result = await load(request, options.loadSeconds)
      progress(
        `${label}:   ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors`,
      )
      return result
    }
    const staticRequest: Request = { method: 'GET', url: staticServer.url }
    // The ceiling is measured before and after the others and averaged, as the machine is shared.
    const staticBefore = await measure('static ceiling', staticRequest)
    const loads: Record<string, LoadResult> = {}
    for (const target of TARGETS)
      loads[target.key] = await measure(paths[target.key] ?? target.key, requests[target.key] as Request)
    const staticAfter = await measure('static ceiling again', staticRequest)
    clearInterval(sampler)
    const endOfLoadBytes = rssBytes(pid)
    const ceiling = (staticBefore.requestsPerSecond + staticAfter.requestsPerSecond) / 2

    // The same pages again with wrk, against nginx serving the story page's bytes (see bench/wrk.ts).
    let wrkResult: DatasetResult['wrk']
    let frontCacheResult: DatasetResult['topology'] = {
      skipped: topology.ok ? 'wrk and nginx are not installed' : topology.reason,
    }
    const installed = wrkAndNginxInstalled()
    if (installed.ok) {
      const nginx = await startNginx(htmlFile, path.join(tempDir, 'nginx'), await freePort())
      cleanups.push(() => nginx.stop())
      const measureWrk = async (name: string, url: string) => {
        progress(`${label}: wrk ${name}: ${options.warmupSeconds} s warm-up, ${options.loadSeconds} s …`)
        await wrk(url, options.warmupSeconds)
        const result = await wrk(url, options.loadSeconds)
        progress(
          `${label}:   ${Math.round(result.requestsPerSecond)} req/s, p50 ${result.p50Ms} ms, ${result.non2xx + result.errors} errors`,
        )
        return result
      }
      const nginxBefore = await measureWrk('nginx ceiling', nginx.url)
      const measured: [string, WrkResult][] = []
      for (const key of WRK_PAGES)
        measured.push([key, await measureWrk(paths[key] ?? key, `${origin}${paths[key]}`)])
      const topologyRaw = front
        ? await measureTopology({
            front,
            storyPath: paths.story as string,
            distDir: DIST_DIR,
            env: serverEnv,
            secondPort: await freePort(),
            balancerPort: await freePort(),
            primary: server,
            measureWrk,
            progress: (line) => progress(`${label}: ${line}`),
          })
        : undefined
      const nginxAfter = await measureWrk('nginx ceiling again', nginx.url)
      const nginxCeiling = (nginxBefore.requestsPerSecond + nginxAfter.requestsPerSecond) / 2
      const share = (r: WrkResult) => ({ ...r, percentOfNginx: (r.requestsPerSecond / nginxCeiling) * 100 })
      frontCacheResult = topologyRaw
        ? {
            frontCache: { ...share(topologyRaw.frontCache), hitShare: topologyRaw.frontCache.hitShare },
            twoInstances: share(topologyRaw.twoInstances),
          }
        : { skipped: topology.ok ? 'not measured' : topology.reason }
      wrkResult = {
        nginx: { before: nginxBefore, after: nginxAfter, requestsPerSecond: nginxCeiling },
        pages: Object.fromEntries(
          measured.map(([key, result]) => [
            key,
            { ...result, percentOfNginx: (result.requestsPerSecond / nginxCeiling) * 100 },
          ]),
        ),
      }
    } else {
      progress(
        `${label}: ${installed.missing.join(' and ')} not installed: no nginx ceiling (apt-get install wrk nginx-light)`,
      )
    }

    const misses: DatasetResult['cacheMiss'] = {}
    for (const target of TARGETS.filter((t) => t.page)) {
      progress(`${label}: cache-miss render of ${paths[target.key]} (${options.missRepeats}x) …`)
      misses[target.key] = await cacheMiss(
        session,
        `${origin}${paths[target.key]}`,
        story,
        options.missRepeats,
      )
      progress(`${label}:   p50 ${misses[target.key]?.p50Ms.toFixed(1)} ms`)
    }

    progress(`${label}: checking the sitemap …`)
    const sitemap = await checkSitemap(origin, published)

    progress(`${label}: freshness: publish, update and unpublish a story …`)
    const marker = `friskhedsmaaling${randomBytes(4).toString('hex')}`
    const fresh = await freshness(
      session,
      [
        { key: 'home', url: `${origin}/` },
        { key: 'list', url: `${origin}/historier` },
        { key: 'topic', url: `${origin}/emner/${topic.slug}` },
        { key: 'feed', url: `${origin}/feed.xml` },
        { key: 'search', url: `${origin}/soeg?q=${marker}` },
        // The same, read through the front cache: the server purges it on every change.
        ...(front
          ? [
              { key: 'frontStory', url: `${front.url}/historier/${marker}-historie` },
              { key: 'frontHome', url: `${front.url}/` },
              { key: 'frontList', url: `${front.url}/historier` },
            ]
          : []),
      ],
      {
        slug: `${marker}-historie`,
        title: `Syntetisk frisk historie ${marker}`,
        newTitle: `Syntetisk frisk historie ${marker} opdateret${marker.slice(-8)}`,
        newTitleToken: `opdateret${marker.slice(-8)}`,
        topicId: topic.id,
      },
      options.raceAttempts,
    )

    return {
      syntheticStories: count,
      publishedStories: published,
      prepareMs,
      buildMs,
      paths,
      searchHits,
      staticCeiling: { before: staticBefore, after: staticAfter, requestsPerSecond: ceiling },
      load: Object.fromEntries(
        Object.entries(loads).map(([key, result]) => [
          key,
          { ...result, percentOfStatic: (result.requestsPerSecond / ceiling) * 100 },
        ]),
      ),
      wrk: wrkResult,
      topology: frontCacheResult,
      cacheMiss: misses,
      freshness: fresh,
      pageWeight: weight,
      memory: { idleBytes, peakUnderLoadBytes, endOfLoadBytes },
      sitemap,
    }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
}

async function main(): Promise<void> {
  const options = parseOptions()
  const { commit, dirty } = gitCommit()
  const startedAt = new Date()
  const loadBefore = os.loadavg()
  progress(
    `${options.smoke ? 'smoke run' : 'full run'}: N = ${options.sizes.join(', ')}; ${options.loadSeconds} s loads at ${CONNECTIONS} connections; commit ${commit}${dirty ? ' (with uncommitted changes)' : ''}`,
  )
  const results: DatasetResult[] = []
  for (const size of options.sizes) results.push(await runDataset(size, options))

  const table = renderTable(results)
  const targets = checkTargets(results)
  const wallMs = performance.now() - started
  const report = {
    date: startedAt.toISOString(),
    commit,
    dirty,
    wallSeconds: Math.round(wallMs / 1000),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      node: process.version,
      // The machine may be shared: the load averages say how busy it was around the run.
      loadAverageBefore: loadBefore,
      loadAverageAfter: os.loadavg(),
    },
    options: { ...options, connections: CONNECTIONS },
    datasets: results,
    targets,
    table,
  }
  const day = startedAt.toISOString().slice(0, 10)
  const file = options.smoke
    ? path.join(os.tmpdir(), `faxe-bench-smoke-${day}-${commit}.json`)
    : path.join(ROOT, 'bench', 'results', `${day}-${commit}.json`)
  mkdirSync(path.dirname(file), { recursive: true })
  writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`)

  process.stdout.write(`${table}\n`)
  const missed = targets.filter((t) => !t.met)
  progress(`done in ${(wallMs / 60_000).toFixed(1)} min; results in ${path.relative(ROOT, file) || file}`)
  progress(
    missed.length === 0
      ? `all ${targets.length} targets met`
      : `targets missed (${missed.length} of ${targets.length}):\n${missed.map((t) => `  - ${t.target}: ${t.detail}`).join('\n')}`,
  )
}

main()
  // Exit explicitly: autocannon and the HTTP agents can keep handles open after the last measurement.
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    process.exit(1)
  })
