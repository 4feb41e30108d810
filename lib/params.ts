import { z } from 'zod'
import { MAX_SLUG_LENGTH } from '@/lib/slug'

/**
 * Route parameters come from the address bar: parse, never cast. A slug we could never have generated is
 * answered with 404 without asking the database.
 */
const slugSchema = z
  .string()
  .min(1)
  .max(MAX_SLUG_LENGTH + 10)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/)

export function storySlugParam(raw: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(raw)
  } catch {
    return null
  }
  const parsed = slugSchema.safeParse(decoded)
  return parsed.success ? parsed.data : null
}

const pageSchema = z.coerce.number().int().min(2).max(100_000)

/** A page number from `/historier/side/<n>`: 2 or more (page 1 lives at /historier itself). */
export function pageParam(raw: string): number | null {
  if (!/^\d{1,6}$/.test(raw)) return null
  const parsed = pageSchema.safeParse(raw)
  return parsed.success ? parsed.data : null
}
