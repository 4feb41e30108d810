import { z } from 'zod'

/**
 * Redirect rules, shared by the redirects collection (validating what an editor types) and the pages that
 * answer with them when they have nothing at an address (lib/data/redirects.ts).
 */

export const REDIRECT_STATUSES = [301, 302] as const
export type RedirectStatus = (typeof REDIRECT_STATUSES)[number]

const MAX_PATH_LENGTH = 500

/**
 * Paths the site itself owns: Payload's admin and API, Next.js assets, the generated files. Their own routes
 * answer them, never the pages that look up redirects, so a rule for one would never fire, and a rule
 * pointing at the admin or the API has no business on a public site.
 */
const RESERVED_PREFIXES = [
  '/admin',
  '/api',
  '/_next',
  '/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
  '/icon.svg',
]

function reservedPrefix(path: string): string | undefined {
  const lower = path.toLowerCase()
  return RESERVED_PREFIXES.find((prefix) => lower.startsWith(prefix))
}

/**
 * A path on this site, in the form rules are stored and looked up in: what `new URL()` makes of it (non-ASCII
 * characters percent-encoded, `.`/`..` segments resolved), without a trailing slash.
 */
export function normalisePath(path: string): string {
  const { pathname } = new URL(path, 'http://site.invalid')
  return pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname
}

const sitePath = z
  .string()
  .trim()
  .min(1, 'Skriv en adresse, der begynder med /, fx /historier/gammel-titel.')
  .max(MAX_PATH_LENGTH, `Adressen må højst være ${MAX_PATH_LENGTH} tegn.`)
  // `//host` and `/\host` are read by browsers as another site's address; a scheme makes it one outright.
  .refine((p) => p.startsWith('/') && !p.startsWith('//'), {
    message: 'Adressen skal begynde med én / og være en adresse på dette site (uden https:// og domæne).',
  })
  .refine((p) => !p.includes('\\'), { message: 'Adressen må ikke indeholde \\.' })
  // Control characters and spaces are never part of a real address, and would only smuggle something in.
  .refine((p) => !/[\s\u0000-\u001f\u007f]/.test(p), { message: 'Adressen må ikke indeholde mellemrum.' })
  .refine((p) => !reservedPrefix(p), {
    message:
      'Adresser under /admin, /api og /_next (og sitets egne filer) hører til systemet og kan ikke bruges her.',
  })

/** Where a redirect comes from: a path only (pages look the path up; a query string is not part of it). */
export const redirectFrom = sitePath
  .refine((p) => !/[?#]/.test(p), { message: 'Fra-adressen må ikke have ? eller #; skriv kun stien.' })
  .transform(normalisePath)

/** Where it goes: a path on this site, optionally with a query string or a fragment. */
export const redirectTo = sitePath.transform((p) => {
  const match = /^([^?#]*)(.*)$/.exec(p)
  return `${normalisePath(match?.[1] ?? p)}${match?.[2] ?? ''}`
})

export const redirectRule = z.object({
  from: redirectFrom,
  to: redirectTo,
  status: z.union([z.literal(301), z.literal(302)]),
})
export type RedirectRule = z.infer<typeof redirectRule>

/**
 * A Payload field `validate` from a schema: `true`, or the first message. A custom `validate` replaces
 * Payload's own (its required check included), so an empty value is refused here too.
 */
export function validateWith(schema: z.ZodType): (value: unknown) => true | string {
  return (value) => {
    const result = schema.safeParse(value ?? '')
    return result.success ? true : (result.error.issues[0]?.message ?? 'Ugyldig adresse.')
  }
}

/** A field `beforeValidate` hook that stores a valid value in its normal form (invalid ones are left for `validate`). */
export function normaliseWith(schema: z.ZodType<string, string>) {
  return ({ value }: { value?: unknown }): unknown => {
    const result = schema.safeParse(value)
    return result.success ? result.data : value
  }
}
