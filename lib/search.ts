import { z } from 'zod'

// The longest query we accept (shared with the search form); anything longer is refused with a message.
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'

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
