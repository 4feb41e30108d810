import { isDeepStrictEqual } from 'node:util'
import * as qs from 'qs-esm'
import { z } from 'zod'
import { NO_UNPAGINATED, outOfRange } from '@/lib/api/limits'

/**
 * The one parser of REST query strings. Payload reads `req.query` from `qs.parse` with the options below
 * (payload/dist/utilities/createPayloadRequest.js), so `limit[]=0`, `limit[0]=0` and `limit=5&limit=0`
 * arrive as arrays or objects that its `parseParams` then reads in its own way (an array is "no number",
 * which ends as `limit: 0`, every document). Here the query string is parsed exactly as Payload will parse
 * it, every parameter Payload gives a meaning to is checked with zod and reduced to one valid value, and
 * the result is written back as the query string Payload gets. Payload then parses what we checked, and
 * nothing else: `normaliseRestQuery` refuses a query whose written-back form would not parse to the same
 * object.
 */

/** Payload's own `qs.parse` options for `req.query`. */
export const PAYLOAD_QS_OPTIONS = {
  allowEmptyArrays: true,
  arrayLimit: 1000,
  depth: 10,
  ignoreQueryPrefix: true,
} as const

const MAX_SORT_FIELDS = 10
const MAX_PATH_LENGTH = 200

type Issue = { message: string }

/** One value, not a list or an object: `limit=5`, never `limit[]=5` or `limit=5&limit=6`. */
function single(name: string, example = `${name}=10`) {
  return z.unknown().transform((value, ctx): string => {
    if (typeof value === 'string') return value
    ctx.addIssue({
      code: 'custom',
      message: Array.isArray(value)
        ? `${name} må kun angives én gang, som én værdi (fx ${example}), ikke som en liste.`
        : `${name} skal være én værdi (fx ${example}), ikke et objekt som ${name}[…]=….`,
    })
    return z.NEVER
  })
}

/** An integer in [min, max], written back in its plain decimal form (`limit=010` -> `limit=10`). */
function boundedInteger(name: 'limit' | 'page' | 'depth') {
  return single(name).transform((raw, ctx): string => {
    const problem = /^-?\d{1,9}$/.test(raw)
      ? outOfRange(name, Number(raw))
      : `${name} skal være et heltal (fik «${raw.slice(0, 40)}»).`
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
    return problem ? z.NEVER : String(Number(raw))
  })
}

function booleanParam(name: string) {
  return single(name, `${name}=true`).pipe(
    z.enum(['true', 'false'], { message: `${name} kan kun være true eller false.` }),
  )
}

const pagination = single('pagination', 'pagination=true').transform((raw, ctx): 'true' => {
  if (raw === 'true') return raw
  ctx.addIssue({
    code: 'custom',
    message: raw === 'false' ? NO_UNPAGINATED : 'pagination kan kun være true.',
  })
  return z.NEVER
})

const fieldPath = /^[A-Za-z0-9_.]+$/

/** `sort=a,-b`, `sort[0]=a&sort[1]=-b` or `sort=a&sort=-b`: written back as one comma-separated value. */
const sort = z.unknown().transform((value, ctx): string => {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null
  if (!list || !list.every((entry) => typeof entry === 'string')) {
    ctx.addIssue({
      code: 'custom',
      message: 'sort skal være feltnavne adskilt af komma, fx sort=-publishedAt,title.',
    })
    return z.NEVER
  }
  const fields = (list as string[]).flatMap((entry) => entry.split(',')).map((entry) => entry.trim())
  const named = fields.filter(Boolean)
  if (
    named.length > MAX_SORT_FIELDS ||
    named.some((entry) => entry.length > MAX_PATH_LENGTH || !fieldPath.test(entry.replace(/^-/, '')))
  ) {
    ctx.addIssue({
      code: 'custom',
      message: `sort skal være højst ${MAX_SORT_FIELDS} feltnavne adskilt af komma, fx sort=-publishedAt,title.`,
    })
    return z.NEVER
  }
  return named.join(',')
})

type SelectTree = { [field: string]: 'true' | 'false' | SelectTree }

/** `select[title]=true&select[hero][alt]=true`: nested field names with true or false at the leaves. */
function selectTree(name: string, depth = 0): z.ZodType<SelectTree> {
  return z.unknown().transform((value, ctx): SelectTree => {
    const example = `${name}[title]=true`
    if (typeof value !== 'object' || value === null || Array.isArray(value) || depth > 6) {
      ctx.addIssue({
        code: 'custom',
        message: `${name} skal angives som felter med true eller false, fx ${example}.`,
      })
      return z.NEVER
    }
    const tree: SelectTree = {}
    for (const [key, leaf] of Object.entries(value)) {
      if (!fieldPath.test(key) || key.length > MAX_PATH_LENGTH) {
        ctx.addIssue({ code: 'custom', message: `${name}: «${key.slice(0, 40)}» er ikke et feltnavn.` })
        return z.NEVER
      }
      if (leaf === 'true' || leaf === 'false') {
        tree[key] = leaf
        continue
      }
      const nested = selectTree(`${name}[${key}]`, depth + 1).safeParse(leaf)
      if (!nested.success) {
        for (const issue of nested.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
        return z.NEVER
      }
      tree[key] = nested.data
    }
    return tree
  })
}

/** `populate[media][alt]=true`: a select per related collection. */
const populate = z.unknown().transform((value, ctx): Record<string, SelectTree> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    ctx.addIssue({
      code: 'custom',
      message: 'populate skal angives pr. samling med felter, fx populate[media][alt]=true.',
    })
    return z.NEVER
  }
  const result: Record<string, SelectTree> = {}
  for (const [collection, select] of Object.entries(value)) {
    const parsed = selectTree(`populate[${collection}]`).safeParse(select)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: issue.message })
      return z.NEVER
    }
    result[collection] = parsed.data
  }
  return result
})

/** A `where` is an object (its paths, operators and values are checked by lib/api/read-guard.ts). */
const where = z
  .unknown()
  .refine((value) => typeof value === 'object' && value !== null && !Array.isArray(value), {
    message: 'where skal angives som where[felt][operator]=værdi, fx where[title][like]=faxe.',
  })

const locale = single('locale', 'locale=da').pipe(
  z.string().regex(/^[A-Za-z*_-]{1,20}$/, { message: 'locale skal være en sprogkode, fx da.' }),
)

/**
 * Every parameter Payload's REST handlers give a meaning to (parseParams, createPayloadRequest). Other
 * keys pass through as they are: Payload ignores them.
 */
const restQuerySchema = z
  .object({
    limit: boundedInteger('limit').optional(),
    page: boundedInteger('page').optional(),
    depth: boundedInteger('depth').optional(),
    pagination: pagination.optional(),
    draft: booleanParam('draft').optional(),
    trash: booleanParam('trash').optional(),
    autosave: booleanParam('autosave').optional(),
    overrideLock: booleanParam('overrideLock').optional(),
    flattenLocales: booleanParam('flattenLocales').optional(),
    publishAllLocales: booleanParam('publishAllLocales').optional(),
    unpublishAllLocales: booleanParam('unpublishAllLocales').optional(),
    sort: sort.optional(),
    select: selectTree('select').optional(),
    populate: populate.optional(),
    where: where.optional(),
    // Join fields: no collection here has one, so the parameter has nothing to bound.
    joins: z.undefined({ message: 'joins kan ikke angives: ingen samling har join-felter.' }).optional(),
    locale: locale.optional(),
    fallbackLocale: locale.optional(),
    'fallback-locale': locale.optional(),
    // findByID reads a JSON `data` parameter (for access functions); nothing here needs it from a client.
    data: z.undefined({ message: 'data kan ikke angives i forespørgslen.' }).optional(),
  })
  .catchall(z.unknown())

export type RestQuery = z.infer<typeof restQuerySchema>

export type NormalisedQuery = { ok: true; query: RestQuery; search: string } | { ok: false; message: string }

/** `?limit=5&where[title][like]=x` -> the checked query and the query string to give Payload. */
export function normaliseRestQuery(search: string): NormalisedQuery {
  const raw = search.replace(/^\?/, '')
  if (raw === '') return { ok: true, query: {}, search: '' }
  const parsed = qs.parse(raw, PAYLOAD_QS_OPTIONS) as Record<string, unknown>
  const result = restQuerySchema.safeParse(parsed)
  if (!result.success) return { ok: false, message: firstMessage(result.error.issues) }
  // `sort=` (or only commas) names no field: no sort. Passed on, MongoDB refuses to sort by "" (a 500).
  if (result.data.sort === '') delete result.data.sort
  // Written back with indices (`a[0]=x`), the form qs reads back into the same arrays.
  const written = qs.stringify(result.data, { encodeValuesOnly: true })
  const reread = qs.parse(written, PAYLOAD_QS_OPTIONS)
  if (!isDeepStrictEqual(reread, result.data)) {
    return {
      ok: false,
      message: 'Forespørgslen kan ikke læses entydigt (fx for mange eller uklart indlejrede parametre).',
    }
  }
  return { ok: true, query: result.data, search: written ? `?${written}` : '' }
}

function firstMessage(issues: Issue[]): string {
  return issues[0]?.message ?? 'Forespørgslen er ugyldig.'
}
