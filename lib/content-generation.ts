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

/**
 * Called by every revalidation (lib/revalidate.ts). That revalidation also runs a second time after the
 * write's commit, which moves the counter again: a read that stored the old content in between is dropped.
 */
export function bumpContentGeneration(): void {
  ;(globalThis as Holder)[KEY] = contentGeneration() + 1
}
