import {
  entityToJSONSchema,
  type FlattenedField,
  getPayload,
  type SanitizedCollectionConfig,
  type SanitizedConfig,
  type SanitizedFieldsPermissions,
  type SanitizedGlobalConfig,
} from 'payload'
import { anonymousAccess, readableField } from '@/lib/api/anonymous'
import { API_LIMITS, PUBLIC_CACHE_CONTROL } from '@/lib/api/limits'

/**
 * The OpenAPI 3.1 description of the public read API, generated from the Payload config so it cannot drift
 * from it: Payload's own JSON Schema of each collection and global (`entityToJSONSchema`, what
 * `payload generate:types` uses), limited to what an anonymous reader gets back by Payload's own access
 * results (lib/api/anonymous.ts): collections and globals it may read, fields it may read and that are
 * not `hidden`.
 */

type Schema = Record<string, unknown>
type Document = Record<string, unknown>

export function schemaName(slug: string): string {
  const singular = slug.endsWith('ia') ? slug : slug.replace(/s$/, '')
  return singular.replace(/(?:^|[-_])(\w)/g, (_, letter: string) => letter.toUpperCase())
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  const chosen = (value as Record<string, unknown> | undefined)?.da
  return typeof chosen === 'string' ? chosen : undefined
}

function publicFields(fields: FlattenedField[], permissions: SanitizedFieldsPermissions | undefined) {
  return fields.flatMap((field): FlattenedField[] => {
    const nested = readableField(permissions, field.name)
    if (nested === null || ('hidden' in field && field.hidden)) return []
    if (!('flattenedFields' in field)) return [field]
    return [{ ...field, flattenedFields: publicFields(field.flattenedFields, nested) } as FlattenedField]
  })
}

/**
 * Payload's `#/definitions/x` references pointed at this document's components. A relation to a
 * collection an anonymous reader may not read is an id only, so that choice is dropped from its `oneOf`.
 */
function relink(node: unknown, names: Map<string, string>): unknown {
  if (Array.isArray(node)) return node.map((item) => relink(item, names))
  if (!node || typeof node !== 'object') return node
  const target = (ref: unknown) => names.get(String(ref).replace('#/definitions/', ''))
  const { $ref, oneOf, ...rest } = node as Schema
  if ($ref !== undefined) return target($ref) ? { $ref: `#/components/schemas/${target($ref)}` } : {}
  const result = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, relink(value, names)]))
  if (!Array.isArray(oneOf)) return result
  const kept = oneOf.filter((choice: Schema) => !('$ref' in choice) || target(choice.$ref))
  return kept.length === 1
    ? { ...result, ...(relink(kept[0], names) as Schema) }
    : { ...result, oneOf: relink(kept, names) }
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (schema: unknown) => ({ 'application/json': { schema } })
const errors = (description: string) => ({ description, content: json(ref('Errors')) })
const integer = (minimum: number, maximum: number, value: number) => ({
  type: 'integer',
  minimum,
  maximum,
  default: value,
})
const anyObject = { type: 'object', additionalProperties: true }
const deep = { style: 'deepObject', explode: true }

const parameters = {
  where: {
    ...deep,
    description:
      'Filtre i Payloads forespørgselssprog, fx `where[slug][equals]=...` eller `where[or][0][title][like]=faxe`. Operatorer: equals, not_equals, in, not_in, all, exists, greater_than, greater_than_equal, less_than, less_than_equal, like, not_like, contains.',
    schema: anyObject,
  },
  sort: {
    description:
      'Felt at sortere efter; `-` foran sorterer faldende, fx `-publishedAt`. Flere felter adskilles med komma.',
    schema: { type: 'string' },
  },
  limit: {
    description: `Antal dokumenter pr. side (1–${API_LIMITS.maxLimit}).`,
    schema: integer(1, API_LIMITS.maxLimit, API_LIMITS.defaultLimit),
  },
  page: { description: 'Sidenummer.', schema: integer(1, API_LIMITS.maxPage, 1) },
  depth: {
    description: `Hvor mange led relationer foldes ud (0 giver kun id'er).`,
    schema: integer(0, API_LIMITS.maxDepth, API_LIMITS.defaultDepth),
  },
  select: {
    ...deep,
    description: 'Kun disse felter, fx `select[title]=true&select[slug]=true`.',
    schema: anyObject,
  },
  populate: {
    ...deep,
    description: 'Hvilke felter af relaterede dokumenter der medtages, fx `populate[topics][name]=true`.',
    schema: anyObject,
  },
}
const IF_NONE_MATCH = {
  name: 'If-None-Match',
  in: 'header',
  description: 'ETag fra et tidligere svar; uændret indhold giver 304 uden krop.',
  schema: { type: 'string' },
}
const params = (...names: (keyof typeof parameters)[]) =>
  names.map((name) => ({ name, in: 'query', ...parameters[name] }))

type Read = { operationId: string; tags: string[]; summary: string; parameters: unknown[]; schema: unknown }

/** A read answered with an ETag and a public Cache-Control (lib/api/cache-headers.ts), or 304. */
function read({ schema, ...operation }: Read, extra: { description?: string; notFound?: boolean } = {}) {
  const headers = {
    ETag: {
      description: 'Svarets version; send den i If-None-Match for at få 304.',
      schema: { type: 'string' },
    },
    'Cache-Control': {
      description: `Anonyme svar: \`${PUBLIC_CACHE_CONTROL}\`.`,
      schema: { type: 'string' },
    },
  }
  const responses = {
    200: { description: 'Svaret.', headers, content: json(schema) },
    304: { description: 'Uændret siden den ETag, der blev sendt i If-None-Match.' },
    400: errors('Ugyldig forespørgsel; beskeden siger hvad der er tilladt.'),
    ...(extra.notFound ? { 404: errors('Findes ikke, eller er ikke udgivet.') } : {}),
  }
  return { get: { ...operation, description: extra.description, responses } }
}

function collectionPaths(collection: SanitizedCollectionConfig, idSchema: Schema) {
  const { slug } = collection
  const name = schemaName(slug)
  const title = text(collection.labels?.plural) ?? slug
  const count = { type: 'object', properties: { totalDocs: { type: 'integer' } }, required: ['totalDocs'] }
  const list = params('where', 'sort', 'limit', 'page', 'depth', 'select', 'populate')
  const drafts = collection.versions?.drafts
    ? 'Kun udgivne dokumenter. Kladder ses kun af redaktører, der er logget ind.'
    : undefined
  return {
    [`/api/${slug}`]: read(
      {
        operationId: `find${name}`,
        tags: [slug],
        summary: `${title}: liste`,
        parameters: [...list, IF_NONE_MATCH],
        schema: ref(`${name}Page`),
      },
      { description: drafts },
    ),
    [`/api/${slug}/count`]: {
      get: {
        operationId: `count${name}`,
        tags: [slug],
        summary: `${title}: antal`,
        parameters: params('where'),
        responses: {
          200: { description: 'Antal dokumenter, der passer til filteret.', content: json(count) },
          400: errors('Ugyldigt filter.'),
        },
      },
    },
    [`/api/${slug}/{id}`]: read(
      {
        operationId: `find${name}ById`,
        tags: [slug],
        summary: `${title}: ét dokument`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: idSchema },
          ...params('depth', 'select', 'populate'),
          IF_NONE_MATCH,
        ],
        schema: ref(name),
      },
      { notFound: true },
    ),
  }
}

/** Payload's page of a list. */
function pageSchema(name: string): Schema {
  const counts = ['totalDocs', 'limit', 'totalPages', 'page', 'pagingCounter']
  return {
    type: 'object',
    properties: {
      docs: { type: 'array', items: ref(name) },
      ...Object.fromEntries(counts.map((key) => [key, { type: 'integer' }])),
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: { type: ['integer', 'null'] },
      nextPage: { type: ['integer', 'null'] },
    },
    required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'hasPrevPage', 'hasNextPage'],
  }
}

const ERRORS: Schema = {
  type: 'object',
  description: 'Payloads fejlformat.',
  properties: {
    errors: {
      type: 'array',
      items: {
        type: 'object',
        properties: { message: { type: 'string' }, name: { type: 'string' }, data: {} },
        required: ['message'],
      },
    },
  },
  required: ['errors'],
}

const HEALTH = {
  get: {
    tags: ['drift'],
    operationId: 'health',
    summary: 'Sundhedstjek',
    responses: {
      200: {
        description: 'Serveren svarer, og databasen kan nås.',
        content: json({ type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }),
      },
      503: { description: 'Databasen kan ikke nås lige nu.' },
    },
  },
}

async function buildOpenApiDocument(
  config: SanitizedConfig,
  { serverUrl, version }: { serverUrl: string; version: string },
): Promise<Document> {
  const { req, permissions } = await anonymousAccess(await getPayload({ config }))
  const collections = config.collections.filter((c) => permissions.collections?.[c.slug]?.read)
  const globals = config.globals.filter((g) => permissions.globals?.[g.slug]?.read)
  const idType = config.db.defaultIDType
  const definitions = new Map<string, unknown>()
  const schemaOf = (
    entity: SanitizedCollectionConfig | SanitizedGlobalConfig,
    fields?: SanitizedFieldsPermissions,
  ) =>
    entityToJSONSchema(
      config,
      { ...entity, flattenedFields: publicFields(entity.flattenedFields, fields) },
      definitions as never,
      idType,
      undefined,
      req.i18n,
    )
  const raw: Record<string, unknown> = {}
  for (const c of collections)
    raw[schemaName(c.slug)] = schemaOf(c, permissions.collections?.[c.slug]?.fields)
  for (const g of globals)
    raw[`${schemaName(g.slug)}Global`] = schemaOf(g, permissions.globals?.[g.slug]?.fields)
  for (const [name, schema] of definitions) raw[name] = schema
  const names = new Map([
    ...collections.map((c) => [c.slug, schemaName(c.slug)] as const),
    ...[...definitions.keys()].map((n) => [n, n] as const),
  ])
  const schemas = relink(raw, names) as Record<string, Schema>
  const idSchema = idType === 'number' ? { type: 'integer', minimum: 1 } : { type: 'string' }
  const paths: Record<string, unknown> = {}
  for (const collection of collections) {
    schemas[`${schemaName(collection.slug)}Page`] = pageSchema(schemaName(collection.slug))
    Object.assign(paths, collectionPaths(collection, idSchema))
  }
  for (const global of globals) {
    const name = schemaName(global.slug)
    const summary = `${text(global.label) ?? global.slug} (fælles indstilling)`
    paths[`/api/globals/${global.slug}`] = read({
      operationId: `get${name}Global`,
      tags: ['globals'],
      summary,
      parameters: [...params('depth', 'select'), IF_NONE_MATCH],
      schema: ref(`${name}Global`),
    })
  }
  paths['/api/health'] = HEALTH
  return {
    openapi: '3.1.0',
    info: {
      title: 'Faxe i Fællesskab: indholds-API',
      version,
      description:
        'Det offentlige læse-API for Faxe i Fællesskab (Payload CMS). Anonyme kald ser kun udgivet indhold og offentlige felter. ' +
        `Højst ${API_LIMITS.maxLimit} dokumenter pr. kald og dybde højst ${API_LIMITS.maxDepth}; ugyldige forespørgsler giver 400 med en forklaring. ` +
        'GraphQL findes på /api/graphql med de samme regler.',
    },
    servers: [{ url: serverUrl }],
    tags: [
      ...collections.map((c) => ({ name: c.slug, description: text(c.labels?.plural) })),
      { name: 'globals', description: 'Fælles indstillinger for hele sitet' },
      { name: 'drift', description: 'Drift og overvågning' },
    ],
    paths,
    components: { schemas: { ...schemas, Errors: ERRORS } },
  }
}

let cachedDocument: Promise<Document> | undefined

/** The document for this process: it depends on the config alone, so it is built once. */
export function openApiDocument(
  config: SanitizedConfig | Promise<SanitizedConfig>,
  options: { serverUrl: string; version: string },
): Promise<Document> {
  cachedDocument ??= (async () => buildOpenApiDocument(await config, options))()
  return cachedDocument
}
