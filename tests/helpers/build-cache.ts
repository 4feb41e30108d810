import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { inject } from 'vitest'

/**
 * What Next.js's file-system cache has written for the test server's build: rendered pages under
 * `server/` (route-cache/…/$/<path>, next to the build's own code) and data entries, one JSON file each
 * with its tags and body, under `cache/fetch-cache`.
 */

/** Every file under `dir` (none if it does not exist), as paths relative to it. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
}

const distDir = () => path.resolve(inject('distDir'))

/** The files of the build's server folder: its code and the pages cached on disk. */
export const serverFiles = (): string[] => filesUnder(path.join(distDir(), 'server'))

export type DataEntry = { file: string; tags: string[]; body: unknown }

/** The data-cache entries on disk (`unstable_cache` results), with their tags and stored value. */
export function dataEntries(): DataEntry[] {
  const dir = path.join(distDir(), 'cache', 'fetch-cache')
  return filesUnder(dir).flatMap((file) => {
    const stored = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as {
      tags?: string[]
      data?: { body?: string }
    }
    if (typeof stored.data?.body !== 'string') return []
    return [{ file, tags: stored.tags ?? [], body: JSON.parse(stored.data.body) as unknown }]
  })
}
