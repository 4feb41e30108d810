/**
 * A counter that moves on every content change this process revalidates. In-memory caches (the REST
 * read cache in lib/api/rest.ts) compare it to know when their entries are stale. It lives on globalThis
 * because Next.js bundles the same module into several route bundles (admin, API, pages) and a change
 * saved through any of them must be seen by all.
 */
const KEY = Symbol.for('faxe.content-generation')
type Holder = { [KEY]?: number }

export function contentGeneration(): number {
  return (globalThis as Holder)[KEY] ?? 0
}

function bump(): void {
  ;(globalThis as Holder)[KEY] = contentGeneration() + 1
}

/**
 * Called from the revalidation hooks, which run inside the write's transaction: a read between now and the
 * commit would store the old content under the new generation, so the counter moves again a moment later,
 * once the commit has happened. The second move costs one cache miss, never a stale answer.
 */
export function bumpContentGeneration(): void {
  bump()
  setTimeout(bump, 250).unref?.()
}
