import { z } from 'zod'

// The longest query we accept (shared with the search form); anything longer is refused with a message.
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'

/**
 * Text as the search index stores it and as queries are compared with it: NFC (so a decomposed "å"
 * matches a composed one), lower case with Danish rules, whitespace collapsed. Lower-casing here, not in
 * the database, makes "Fællesskab" and "fællesskab" equal on SQLite too, whose LIKE folds ASCII only.
 */
export function normalizeForSearch(text: string): string {
  return text.normalize('NFC').toLocaleLowerCase('da-DK').replace(/\s+/g, ' ').trim()
}

export const searchParamsSchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_QUERY_LENGTH, `Søgningen må højst være ${MAX_QUERY_LENGTH} tegn.`)
    .optional()
    .transform((v) => (v ? v : undefined)),
  side: z.coerce.number().int().min(1).max(1000).optional().default(1),
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

export type Segment = { text: string; match: boolean }

/** Splits `text` into matching and non-matching runs of `query`, compared case-insensitively. */
export function highlight(text: string, query: string): Segment[] {
  const needle = normalizeForSearch(query)
  if (!needle) return [{ text, match: false }]
  const composed = text.normalize('NFC')
  const lower = composed.toLocaleLowerCase('da-DK')
  // Lower-casing can change a string's length for a few letters; then we show it without marks.
  if (lower.length !== composed.length) return [{ text: composed, match: false }]
  const segments: Segment[] = []
  let from = 0
  for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + needle.length)) {
    if (at > from) segments.push({ text: composed.slice(from, at), match: false })
    segments.push({ text: composed.slice(at, at + needle.length), match: true })
    from = at + needle.length
  }
  if (from < composed.length) segments.push({ text: composed.slice(from), match: false })
  return segments
}

/** About `radius` characters of context around the first match, on word boundaries, or null. */
export function snippet(text: string, query: string, radius = 90): string | null {
  const composed = text.normalize('NFC').replace(/\s+/g, ' ')
  const at = composed.toLocaleLowerCase('da-DK').indexOf(normalizeForSearch(query))
  if (at === -1) return null
  let start = Math.max(0, at - radius)
  let end = Math.min(composed.length, at + query.length + radius)
  if (start > 0) start = composed.indexOf(' ', start) + 1 || start
  if (end < composed.length) end = composed.lastIndexOf(' ', end) > at ? composed.lastIndexOf(' ', end) : end
  return `${start > 0 ? '… ' : ''}${composed.slice(start, end)}${end < composed.length ? ' …' : ''}`
}
