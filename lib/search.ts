import { z } from 'zod'

// The longest query we accept (shared with the search form); anything longer is refused with a message.
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'
import { PATHS } from '@/lib/paths'

const PAGE_MESSAGE = 'Sidetallet skal være et helt tal fra 1 til 1000.'

export const searchParamsSchema = z.object({
  q: z
    .string()
    // Control characters are never part of a question; removed before anything else looks at the text.
    .transform((v) => v.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' '))
    .pipe(
      z
        .string()
        .trim()
        .max(MAX_QUERY_LENGTH, `Søgningen må højst være ${MAX_QUERY_LENGTH} tegn. Prøv med færre ord.`),
    )
    .optional()
    .transform((v) => (v ? v : undefined)),
  side: z.coerce
    .number({ error: PAGE_MESSAGE })
    .int(PAGE_MESSAGE)
    .min(1, PAGE_MESSAGE)
    .max(1000, PAGE_MESSAGE)
    .optional()
    .default(1),
})

export type SearchParams = z.infer<typeof searchParamsSchema>

/** Parses `?q=...&side=...`; a repeated parameter counts by its first value. */
export function parseSearchParams(
  raw: Record<string, string | string[] | undefined>,
): { ok: true; value: SearchParams } | { ok: false; message: string } {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const parsed = searchParamsSchema.safeParse({ q: first(raw.q), side: first(raw.side) })
  if (parsed.success) return { ok: true, value: parsed.data }
  return { ok: false, message: parsed.error.issues[0]?.message ?? 'Søgningen kunne ikke forstås.' }
}

/**
 * The address a valid search is rendered at, so Next.js can keep the page in its cache under the search's
 * own key (proxy.ts rewrites `/soeg?q=…&side=…` to it). The query goes in as base64url: one path segment
 * whatever it holds, with no `/`, `%` or `..` for the router to read.
 */
export function searchResultsPath({ q, side }: { q: string; side: number }): string {
  return PATHS.searchResults(Buffer.from(q, 'utf8').toString('base64url'), side)
}

/**
 * The search behind a `searchResultsPath` address, parsed like the query string; null for anything that
 * address could not have been made from (a request may come straight to it). Only the canonical spelling of
 * a search is accepted, so no search has two entries in the cache.
 */
export function parseSearchResultsParams(query: string, side: string): { q: string; side: number } | null {
  if (!/^[A-Za-z0-9_-]{1,600}$/.test(query) || !/^[1-9][0-9]{0,3}$/.test(side)) return null
  const parsed = parseSearchParams({ q: Buffer.from(query, 'base64url').toString('utf8'), side })
  if (!parsed.ok || !parsed.value.q) return null
  const value = { q: parsed.value.q, side: parsed.value.side }
  return searchResultsPath(value) === PATHS.searchResults(query, Number(side)) ? value : null
}
