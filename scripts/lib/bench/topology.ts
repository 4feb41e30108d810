import { checkVarnish, type RunningVarnish, startVarnish } from '../varnish'
import { type RunningServer, startNextServer } from '../server'
import type { WrkResult } from './wrk'

/**
 * The benchmark's topology part: the story page through the front cache (Varnish, ops/varnish), and
 * through two app instances behind Varnish as a plain balancer (every request passed, nothing cached),
 * each beside the one instance measured directly and the nginx ceiling of the same run.
 *
 * On this two-core machine the second instance adds no cores: wrk, Varnish and both instances share the
 * same two, so "two instances" shows the cost of the balancer hop and whether anything breaks, not the
 * capacity a second machine would add.
 */

export type TopologyResult =
  | { skipped: string }
  | {
      /** The story page served from Varnish's cache; hitShare: x-cache HIT among 20 requests after. */
      frontCache: WrkResult & { percentOfNginx: number; hitShare: number }
      /** The story page from two instances, round robin through Varnish with caching bypassed. */
      twoInstances: WrkResult & { percentOfNginx: number }
    }

type Measured = { frontCache: WrkResult & { hitShare: number }; twoInstances: WrkResult }

/** Whether the part can run; the reason is printed when it cannot. */
export function topologyAvailable(): { ok: true } | { ok: false; reason: string } {
  const check = checkVarnish()
  return check.ok ? { ok: true } : { ok: false, reason: check.reason }
}

/** Starts the front cache the run's server purges (its FRONT_CACHE_URL points at `port`). */
export function startFrontCache(port: number, backend: string): Promise<RunningVarnish> {
  return startVarnish({ listen: `127.0.0.1:${port}`, backends: [backend] })
}

/** Share of x-cache: HIT among `count` requests of `url`. */
async function hitShare(url: string, count: number): Promise<number> {
  let hits = 0
  for (let i = 0; i < count; i++) {
    const response = await fetch(url)
    await response.arrayBuffer()
    if (response.headers.get('x-cache') === 'HIT') hits++
  }
  return hits / count
}

export async function measureTopology({
  front,
  storyPath,
  distDir,
  env,
  secondPort,
  balancerPort,
  primary,
  measureWrk,
  progress,
}: {
  front: RunningVarnish
  storyPath: string
  distDir: string
  env: Record<string, string>
  secondPort: number
  balancerPort: number
  primary: RunningServer
  measureWrk: (name: string, url: string) => Promise<WrkResult>
  progress: (line: string) => void
}): Promise<Measured> {
  const storyUrl = `${front.url}${storyPath}`
  // Fill the cache (the first answer may come before the first health probe found the backend).
  for (let attempt = 0; attempt < 100; attempt++) {
    const response = await fetch(storyUrl)
    await response.arrayBuffer()
    if (response.status === 200 && response.headers.get('x-cache') === 'HIT') break
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  const frontResult = await measureWrk(`${storyPath} through the front cache`, storyUrl)
  const hits = await hitShare(storyUrl, 20)

  const cleanups: (() => Promise<void> | void)[] = []
  try {
    progress(`starting a second instance on port ${secondPort} (same build and database) …`)
    // The same build folder: both read the pages `next build` prerendered.
    const second = await startNextServer(distDir, { ...env, PORT: String(secondPort) }, secondPort)
    cleanups.push(() => second.stop())
    const balancer = await startVarnish({
      listen: `127.0.0.1:${balancerPort}`,
      backends: [new URL(primary.url).host, new URL(second.url).host],
      passAll: true,
    })
    cleanups.push(() => balancer.stop())
    const balancedUrl = `${balancer.url}${storyPath}`
    // Both instances healthy and each with the page in its own cache before the load starts.
    for (let attempt = 0; attempt < 100; attempt++) {
      const response = await fetch(balancedUrl)
      await response.arrayBuffer()
      if (response.status === 200) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    for (const url of [primary.url, second.url]) await (await fetch(`${url}${storyPath}`)).arrayBuffer()
    const twoResult = await measureWrk(`${storyPath} on two instances behind Varnish (no cache)`, balancedUrl)
    return { frontCache: { ...frontResult, hitShare: hits }, twoInstances: twoResult }
  } finally {
    for (const cleanup of cleanups.reverse()) await cleanup()
  }
}
