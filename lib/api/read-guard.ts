import {
  APIError,
  type FlattenedField,
  type Payload,
  QueryError,
  type SanitizedFieldsPermissions,
  type SanitizedPermissions,
} from 'payload'
import { validOperatorSet } from 'payload/shared'
import { anonymousAccess, readableField } from '@/lib/api/anonymous'

/**
 * Checks the query of a REST read before Payload runs it. Payload already answers a `where` on an unknown
 * or hidden field with a 400, but it
 * - sorts by a field the reader may not see with a 400 and by a field that does not exist with a 200, so
 *   the difference tells an anonymous client which hidden fields exist;
 * - lets a malformed value (`where[publishedAt][greater_than]=notadate`, `where[title][in][x]=y`, the id
 *   `abc`) reach the database, which answers with a 500.
 * Both become 400s here. This runs in the HTTP layer (lib/api/rest.ts), not in a collection hook: a hook
 * cannot tell a client's query from the reads Payload and our own hooks make while answering it.
 */

const MAX_WHERE_DEPTH = 8

type Resolved =
  | { kind: 'field'; field: FlattenedField }
  | { kind: 'id' }
  | { kind: 'missing'; path: string }
  | { kind: 'unsure' }

type ErrorData = { [key: string]: unknown } | null

/** A 400 whose message is shown to the client (Payload hides the messages of errors not marked public). */
export function badRequest(message: string): APIError<ErrorData> {
  return new APIError<ErrorData>(message, 400, null, true)
}

/**
 * What the reader may see, for an anonymous reader: Payload's access results for nobody
 * (lib/api/anonymous.ts). Anyone else gets null, and Payload decides with their own access.
 */
type Reader = { payload: Payload; anonymous: SanitizedPermissions | null }

/** Finds the field a dotted path names, following single-collection relationships like Payload does. */
function resolvePath(
  reader: Reader,
  fields: FlattenedField[],
  permissions: SanitizedFieldsPermissions | undefined,
  segments: string[],
): Resolved {
  const [head, ...rest] = segments
  if (head === undefined || head === '') return { kind: 'missing', path: segments.join('.') }
  if ((head === 'id' || head === '_id') && rest.length === 0) return { kind: 'id' }
  const field = fields.find((f) => 'name' in f && f.name === head)
  // Payload names the first segment it cannot follow, relative to the collection it was in.
  if (!field) return { kind: 'missing', path: head }
  const nested = readableField(permissions, head)
  if (field.access?.read || ('hidden' in field && field.hidden)) {
    // To an anonymous reader a field it may not read is a field that does not exist, in the same words.
    // (Payload itself names a hidden relation and the field behind it, which would tell them apart.)
    if (reader.anonymous && (nested === null || ('hidden' in field && field.hidden))) {
      return { kind: 'missing', path: head }
    }
    // Anyone else: Payload decides with the reader's own access.
    return { kind: 'unsure' }
  }
  if (rest.length === 0) return { kind: 'field', field }
  switch (field.type) {
    case 'group':
    case 'tab':
    case 'array':
      return resolvePath(reader, field.flattenedFields, nested ?? undefined, rest)
    case 'relationship':
    case 'upload': {
      if (typeof field.relationTo !== 'string') return { kind: 'unsure' }
      const related = reader.payload.collections[field.relationTo]?.config
      if (!related) return { kind: 'unsure' }
      const relatedPermissions = reader.anonymous?.collections?.[field.relationTo]?.fields
      return resolvePath(reader, related.flattenedFields, relatedPermissions, rest)
    }
    default:
      // Blocks, JSON and rich text have paths of their own; Payload decides those.
      return { kind: 'unsure' }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

type Scalar = string | number | boolean | null

function isScalar(value: unknown): value is Scalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value)
}

const LIST_OPERATORS = new Set(['in', 'not_in', 'all'])
const GEO_OPERATORS = new Set(['near', 'within', 'intersects'])

function operands(operator: string, value: unknown, label: string): Scalar[] {
  if (LIST_OPERATORS.has(operator)) {
    if (Array.isArray(value) && value.every(isScalar)) return value
    if (typeof value === 'string') return value.split(',')
    if (isScalar(value)) return [value]
    throw badRequest(`${label} skal være en liste af værdier, fx ${label}=a,b eller ${label}[0]=a.`)
  }
  if (!isScalar(value)) throw badRequest(`${label} skal være én værdi, ikke en liste eller et objekt.`)
  return [value]
}

/**
 * What a document id looks like on the configured database: an integer on SQLite and PostgreSQL, an
 * ObjectId (24 hexadecimal digits) on MongoDB. Anything else cannot match a document, so it is a 400
 * rather than an empty answer (MongoDB would otherwise answer 200 with nothing, SQL with a 500).
 */
type IdForm = { pattern: RegExp; description: string }

function idForm(payload: Payload): IdForm {
  return payload.db.defaultIDType === 'number'
    ? { pattern: /^\d{1,15}$/, description: 'et heltal' }
    : { pattern: /^[0-9a-f]{24}$/i, description: '24 hexadecimale tegn (0-9, a-f)' }
}

function checkOperand(resolved: Resolved, operator: string, value: Scalar, label: string, ids: IdForm): void {
  if (operator === 'exists') {
    if (!['true', 'false', true, false].includes(value as never)) {
      throw badRequest(`${label} skal være true eller false.`)
    }
    return
  }
  if (value === null || value === '') return
  const type = resolved.kind === 'id' ? 'id' : resolved.kind === 'field' ? resolved.field.type : null
  const relationTo =
    resolved.kind === 'field' && 'relationTo' in resolved.field ? resolved.field.relationTo : null
  if (type === 'date' && Number.isNaN(Date.parse(String(value)))) {
    throw badRequest(
      `${label} skal være en dato, fx 2026-01-31 eller 2026-01-31T12:00:00Z (fik «${String(value).slice(0, 40)}»).`,
    )
  }
  if (type === 'number' && (typeof value === 'boolean' || !Number.isFinite(Number(value)))) {
    throw badRequest(`${label} skal være et tal (fik «${String(value).slice(0, 40)}»).`)
  }
  const holdsIds =
    type === 'id' || ((type === 'relationship' || type === 'upload') && typeof relationTo === 'string')
  if (holdsIds && !['like', 'not_like', 'contains'].includes(operator) && !ids.pattern.test(String(value))) {
    throw badRequest(
      `${label} skal være et id, dvs. ${ids.description} (fik «${String(value).slice(0, 40)}»).`,
    )
  }
}

/** The collection a query is about: its fields and, for an anonymous reader, what it may see of them. */
type Scope = {
  reader: Reader
  ids: IdForm
  fields: FlattenedField[]
  permissions?: SanitizedFieldsPermissions
}

function resolve(scope: Scope, path: string): Resolved {
  const resolved = resolvePath(
    scope.reader,
    scope.fields,
    scope.permissions,
    path.replace(/__/g, '.').split('.'),
  )
  // The same error Payload gives for a hidden field, so the two cannot be told apart.
  if (resolved.kind === 'missing') throw new QueryError([{ path: resolved.path }])
  return resolved
}

function checkWhere(scope: Scope, where: unknown, label: string, depth: number): void {
  if (depth > MAX_WHERE_DEPTH)
    throw badRequest(`where er indlejret for dybt (højst ${MAX_WHERE_DEPTH} niveauer).`)
  if (!isPlainObject(where)) {
    throw badRequest(`${label} skal være et objekt, fx where[title][equals]=Faxe.`)
  }
  for (const [key, value] of Object.entries(where)) {
    const keyLabel = `${label}[${key}]`
    if (key.toLowerCase() === 'and' || key.toLowerCase() === 'or') {
      const list = Array.isArray(value) ? value : isPlainObject(value) ? Object.values(value) : null
      if (!list)
        throw badRequest(
          `${keyLabel} skal være en liste af betingelser, fx ${keyLabel}[0][title][equals]=Faxe.`,
        )
      list.forEach((item, i) => checkWhere(scope, item, `${keyLabel}[${i}]`, depth + 1))
      continue
    }
    if (!isPlainObject(value)) {
      throw badRequest(`${keyLabel} mangler en operator, fx ${keyLabel}[equals]=…`)
    }
    const resolved = resolve(scope, key)
    for (const [operator, operand] of Object.entries(value)) {
      const operatorLabel = `${keyLabel}[${operator}]`
      if (!validOperatorSet.has(operator as never)) {
        throw badRequest(`${operatorLabel}: ukendt operator. Tilladte: ${[...validOperatorSet].join(', ')}.`)
      }
      // Geometry operators take objects and apply to point fields only (there are none in this model).
      if (GEO_OPERATORS.has(operator)) continue
      for (const item of operands(operator, operand, operatorLabel)) {
        checkOperand(resolved, operator, item, operatorLabel, scope.ids)
      }
    }
  }
}

type ParsedQuery = { sort?: unknown; where?: unknown }

/**
 * The semantic checks of a REST read of `collection`: sort and where paths, and where values. Throws an
 * APIError (400) or QueryError (400) that Payload's error shape carries to the client. `anonymous` is
 * Payload's access results for nobody when the reader is nobody, else null.
 */
function checkCollectionQuery(
  payload: Payload,
  collection: string,
  query: ParsedQuery,
  anonymous: SanitizedPermissions | null,
): void {
  const config = payload.collections[collection as keyof typeof payload.collections]?.config
  if (!config) return
  const scope: Scope = {
    reader: { payload, anonymous },
    ids: idForm(payload),
    fields: config.flattenedFields,
    permissions: anonymous?.collections?.[collection]?.fields,
  }
  // The parser (lib/api/query.ts) has made sort one comma-separated string.
  for (const entry of typeof query.sort === 'string' ? query.sort.split(',') : []) {
    if (entry.trim().replace(/^-/, '') !== '') resolve(scope, entry.trim().replace(/^-/, ''))
  }
  if (query.where !== undefined && query.where !== null && query.where !== '') {
    checkWhere(scope, query.where, 'where', 0)
  }
}

/** Second path segments that are endpoints of a collection, not document ids. */
const COLLECTION_ENDPOINTS = new Set(['count', 'versions', 'me', 'init', 'access', 'file', 'paste-url'])

/**
 * The checks of a REST read of /api/<segments>: a document id must have the database's id form (MongoDB
 * would answer 200 with nothing, SQL a 500), and a list or count query is checked as above.
 */
export async function checkRead(
  payload: Payload,
  [collection, second, ...rest]: string[],
  query: ParsedQuery,
  anonymous: boolean,
): Promise<void> {
  if (!collection || !(collection in payload.collections)) return
  const endpoints = payload.collections[collection as keyof typeof payload.collections]?.config.endpoints
  const isEndpoint = (name: string) =>
    COLLECTION_ENDPOINTS.has(name) ||
    (Array.isArray(endpoints) && endpoints.some((e) => e.path === `/${name}`))
  if (second !== undefined && rest.length === 0 && !isEndpoint(second)) {
    const ids = idForm(payload)
    if (!ids.pattern.test(second)) {
      throw badRequest(`Ugyldigt id «${second.slice(0, 40)}»: id'er er ${ids.description}.`)
    }
  }
  if (second === undefined || second === 'count') {
    const permissions = anonymous ? (await anonymousAccess(payload)).permissions : null
    checkCollectionQuery(payload, collection, query, permissions)
  }
}
