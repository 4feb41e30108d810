import type {
  FlattenedField,
  SanitizedCollectionConfig,
  SanitizedConfig,
  SanitizedGlobalConfig,
} from 'payload'
import { anonymousMayReadDocuments, anonymousMayReadField } from '@/lib/api/anonymous'
import { API_LIMITS, PUBLIC_CACHE_CONTROL } from '@/lib/api/limits'

/**
 * The OpenAPI 3.1 description of the public read API, generated from the Payload config so it cannot drift
 * from it: a collection or global is listed when its read access lets an anonymous request through, and a
 * field is described when an anonymous reader would get it back (no field-level read access that refuses
 * them, not `hidden`, not marked `custom.apiResponse: false`).
 */

type Schema = Record<string, unknown>
type Document = Record<string, unknown>

async function fieldIsPublic(field: FlattenedField): Promise<boolean> {
  if (field.custom?.apiResponse === false) return false
  return anonymousMayReadField(field)
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const chosen = record.da ?? record.en
    return typeof chosen === 'string' ? chosen : undefined
  }
  return undefined
}

function describe(field: FlattenedField): string | undefined {
  const label = 'label' in field ? text(field.label) : undefined
  const description = text(field.admin?.description)
  return [label, description].filter(Boolean).join(': ') || undefined
}

export function schemaName(slug: string): string {
  const singular = slug.endsWith('ia') ? slug : slug.replace(/s$/, '')
  return singular
    .split(/[-_]/)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('')
}

type Context = {
  idSchema: Schema
  publicCollections: Set<string>
}

function nullable(schema: Schema, required: boolean): Schema {
  if (required) return schema
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] }
  return { anyOf: [schema, { type: 'null' }] }
}

function many(schema: Schema, hasMany: boolean): Schema {
  return hasMany ? { type: 'array', items: schema } : schema
}

function relationSchema(relationTo: string | string[], ctx: Context): Schema {
  const one = (slug: string): Schema =>
    ctx.publicCollections.has(slug)
      ? { oneOf: [ctx.idSchema, { $ref: `#/components/schemas/${schemaName(slug)}` }] }
      : ctx.idSchema
  if (typeof relationTo === 'string') return one(relationTo)
  return {
    oneOf: relationTo.map((slug) => ({
      type: 'object',
      properties: { relationTo: { const: slug }, value: one(slug) },
      required: ['relationTo', 'value'],
    })),
  }
}

async function fieldSchema(field: FlattenedField, ctx: Context): Promise<Schema> {
  switch (field.type) {
    case 'text':
    case 'textarea':
    case 'code':
      return many({ type: 'string' }, 'hasMany' in field && Boolean(field.hasMany))
    case 'email':
      return { type: 'string', format: 'email' }
    case 'number':
      return many({ type: 'number' }, Boolean(field.hasMany))
    case 'checkbox':
      return { type: 'boolean' }
    case 'date':
      return { type: 'string', format: 'date-time' }
    case 'select':
    case 'radio': {
      const values = field.options.map((o) => (typeof o === 'string' ? o : o.value))
      return many({ type: 'string', enum: values }, field.type === 'select' && Boolean(field.hasMany))
    }
    case 'relationship':
    case 'upload':
      return many(relationSchema(field.relationTo, ctx), Boolean(field.hasMany))
    case 'richText':
      return {
        type: 'object',
        description: 'Lexical-dokument (JSON) med en `root`-node.',
        properties: { root: { type: 'object' } },
      }
    case 'json':
      return {}
    case 'point':
      return { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 }
    case 'group':
    case 'tab':
      return objectSchema(field.flattenedFields, ctx)
    case 'array':
      return { type: 'array', items: await objectSchema(field.flattenedFields, ctx, ['id']) }
    case 'blocks':
      return {
        type: 'array',
        items: {
          oneOf: await Promise.all(
            field.blocks
              .filter((b) => typeof b === 'object')
              .map(async (block) => {
                const inner = await objectSchema(block.flattenedFields, ctx)
                return {
                  ...inner,
                  properties: { blockType: { const: block.slug }, ...(inner.properties as Schema) },
                  required: ['blockType', ...((inner.required as string[]) ?? [])],
                }
              }),
          ),
        },
      }
    case 'join':
      return { type: 'object', properties: { docs: { type: 'array' }, hasNextPage: { type: 'boolean' } } }
    default:
      return {}
  }
}

async function objectSchema(
  fields: FlattenedField[],
  ctx: Context,
  extraRequired: string[] = [],
): Promise<Schema> {
  const properties: Record<string, Schema> = {}
  const required: string[] = [...extraRequired]
  for (const field of fields) {
    if (!('name' in field) || !(await fieldIsPublic(field))) continue
    const isRequired = 'required' in field && Boolean(field.required)
    const schema = nullable(await fieldSchema(field, ctx), isRequired)
    const description = describe(field)
    properties[field.name] = description ? { ...schema, description } : schema
    if (isRequired) required.push(field.name)
  }
  if (extraRequired.includes('id') && !properties.id) properties.id = { type: 'string' }
  return { type: 'object', properties, ...(required.length ? { required } : {}) }
}

async function documentSchema(collection: SanitizedCollectionConfig, ctx: Context): Promise<Schema> {
  const schema = await objectSchema(collection.flattenedFields, ctx)
  return {
    ...schema,
    title: text(collection.labels?.singular) ?? collection.slug,
    properties: { id: ctx.idSchema, ...(schema.properties as Schema) },
    required: ['id', ...((schema.required as string[]) ?? [])],
  }
}

async function globalSchema(global: SanitizedGlobalConfig, ctx: Context): Promise<Schema> {
  const schema = await objectSchema(global.flattenedFields, ctx)
  return { ...schema, title: text(global.label) ?? global.slug }
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ref('Errors') } },
})

const cachedHeaders = {
  ETag: {
    description: 'Svarets version; send den i If-None-Match for at få 304.',
    schema: { type: 'string' },
  },
  'Cache-Control': { description: `Anonyme svar: \`${PUBLIC_CACHE_CONTROL}\`.`, schema: { type: 'string' } },
}

const parameters = {
  limit: {
    name: 'limit',
    in: 'query',
    description: `Antal dokumenter pr. side (1–${API_LIMITS.maxLimit}).`,
    schema: { type: 'integer', minimum: 1, maximum: API_LIMITS.maxLimit, default: API_LIMITS.defaultLimit },
  },
  page: {
    name: 'page',
    in: 'query',
    description: 'Sidenummer.',
    schema: { type: 'integer', minimum: 1, maximum: API_LIMITS.maxPage, default: 1 },
  },
  depth: {
    name: 'depth',
    in: 'query',
    description: `Hvor mange led relationer foldes ud (0 giver kun id'er).`,
    schema: { type: 'integer', minimum: 0, maximum: API_LIMITS.maxDepth, default: API_LIMITS.defaultDepth },
  },
  sort: {
    name: 'sort',
    in: 'query',
    description:
      'Felt at sortere efter; `-` foran sorterer faldende, fx `-publishedAt`. Flere felter adskilles med komma.',
    schema: { type: 'string' },
  },
  where: {
    name: 'where',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description:
      'Filtre i Payloads forespørgselssprog, fx `where[slug][equals]=...` eller `where[or][0][title][like]=faxe`. Operatorer: equals, not_equals, in, not_in, all, exists, greater_than, greater_than_equal, less_than, less_than_equal, like, not_like, contains.',
    schema: { type: 'object', additionalProperties: true },
  },
  select: {
    name: 'select',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Kun disse felter, fx `select[title]=true&select[slug]=true`.',
    schema: { type: 'object', additionalProperties: true },
  },
  populate: {
    name: 'populate',
    in: 'query',
    style: 'deepObject',
    explode: true,
    description: 'Hvilke felter af relaterede dokumenter der medtages, fx `populate[topics][name]=true`.',
    schema: { type: 'object', additionalProperties: true },
  },
  ifNoneMatch: {
    name: 'If-None-Match',
    in: 'header',
    description: 'ETag fra et tidligere svar; uændret indhold giver 304 uden krop.',
    schema: { type: 'string' },
  },
} as const

function collectionPaths(collection: SanitizedCollectionConfig, ctx: Context): Record<string, unknown> {
  const name = schemaName(collection.slug)
  const tag = collection.slug
  const title = text(collection.labels?.plural) ?? collection.slug
  const { limit, page, depth, sort, where, select, populate, ifNoneMatch } = parameters
  return {
    [`/api/${collection.slug}`]: {
      get: {
        tags: [tag],
        operationId: `find${name}`,
        summary: `${title}: liste`,
        description: collection.versions?.drafts
          ? 'Kun udgivne dokumenter. Kladder ses kun af redaktører, der er logget ind.'
          : undefined,
        parameters: [where, sort, limit, page, depth, select, populate, ifNoneMatch],
        responses: {
          200: {
            description: 'En side af resultatet.',
            headers: cachedHeaders,
            content: { 'application/json': { schema: ref(`${name}Page`) } },
          },
          304: { description: 'Uændret siden den ETag, der blev sendt i If-None-Match.' },
          400: errorResponse('Ugyldig forespørgsel; beskeden siger hvad der er tilladt.'),
        },
      },
    },
    [`/api/${collection.slug}/count`]: {
      get: {
        tags: [tag],
        operationId: `count${name}`,
        summary: `${title}: antal`,
        parameters: [where],
        responses: {
          200: {
            description: 'Antal dokumenter, der passer til filteret.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { totalDocs: { type: 'integer' } },
                  required: ['totalDocs'],
                },
              },
            },
          },
          400: errorResponse('Ugyldigt filter.'),
        },
      },
    },
    [`/api/${collection.slug}/{id}`]: {
      get: {
        tags: [tag],
        operationId: `find${name}ById`,
        summary: `${title}: ét dokument`,
        parameters: [
          { name: 'id', in: 'path', required: true, schema: ctx.idSchema },
          depth,
          select,
          populate,
          ifNoneMatch,
        ],
        responses: {
          200: {
            description: 'Dokumentet.',
            headers: cachedHeaders,
            content: { 'application/json': { schema: ref(name) } },
          },
          304: { description: 'Uændret.' },
          400: errorResponse('Ugyldigt id eller ugyldig parameter.'),
          404: errorResponse('Findes ikke, eller er ikke udgivet.'),
        },
      },
    },
  }
}

function globalPaths(global: SanitizedGlobalConfig): Record<string, unknown> {
  const name = schemaName(global.slug)
  return {
    [`/api/globals/${global.slug}`]: {
      get: {
        tags: ['globals'],
        operationId: `get${name}Global`,
        summary: `${text(global.label) ?? global.slug} (fælles indstilling)`,
        parameters: [parameters.depth, parameters.select, parameters.ifNoneMatch],
        responses: {
          200: {
            description: 'Indstillingen.',
            headers: cachedHeaders,
            content: { 'application/json': { schema: ref(`${name}Global`) } },
          },
          304: { description: 'Uændret.' },
          400: errorResponse('Ugyldig parameter.'),
        },
      },
    },
  }
}

function pageSchema(name: string): Schema {
  return {
    type: 'object',
    properties: {
      docs: { type: 'array', items: ref(name) },
      totalDocs: { type: 'integer' },
      limit: { type: 'integer' },
      totalPages: { type: 'integer' },
      page: { type: 'integer' },
      pagingCounter: { type: 'integer' },
      hasPrevPage: { type: 'boolean' },
      hasNextPage: { type: 'boolean' },
      prevPage: { type: ['integer', 'null'] },
      nextPage: { type: ['integer', 'null'] },
    },
    required: ['docs', 'totalDocs', 'limit', 'totalPages', 'page', 'hasPrevPage', 'hasNextPage'],
  }
}

export async function publicCollections(config: SanitizedConfig): Promise<SanitizedCollectionConfig[]> {
  const result: SanitizedCollectionConfig[] = []
  for (const collection of config.collections) {
    if (await anonymousMayReadDocuments(collection.access.read, config)) result.push(collection)
  }
  return result
}

async function publicGlobals(config: SanitizedConfig): Promise<SanitizedGlobalConfig[]> {
  const result: SanitizedGlobalConfig[] = []
  for (const global of config.globals) {
    if (await anonymousMayReadDocuments(global.access.read, config)) result.push(global)
  }
  return result
}

export async function buildOpenApiDocument(
  config: SanitizedConfig,
  { serverUrl, version }: { serverUrl: string; version: string },
): Promise<Document> {
  const numericIds = config.db.defaultIDType === 'number'
  const collections = await publicCollections(config)
  const globals = await publicGlobals(config)
  const ctx: Context = {
    idSchema: numericIds ? { type: 'integer', minimum: 1 } : { type: 'string' },
    publicCollections: new Set(collections.map((c) => c.slug)),
  }
  const schemas: Record<string, Schema> = {
    Errors: {
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
    },
  }
  let paths: Record<string, unknown> = {}
  for (const collection of collections) {
    const name = schemaName(collection.slug)
    schemas[name] = await documentSchema(collection, ctx)
    schemas[`${name}Page`] = pageSchema(name)
    paths = { ...paths, ...collectionPaths(collection, ctx) }
  }
  for (const global of globals) {
    schemas[`${schemaName(global.slug)}Global`] = await globalSchema(global, ctx)
    paths = { ...paths, ...globalPaths(global) }
  }
  paths['/api/health'] = {
    get: {
      tags: ['drift'],
      operationId: 'health',
      summary: 'Sundhedstjek',
      responses: {
        200: {
          description: 'Serveren svarer, og databasen kan nås.',
          content: {
            'application/json': {
              schema: { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] },
            },
          },
        },
        503: { description: 'Databasen kan ikke nås lige nu.' },
      },
    },
  }
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
    components: { schemas },
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
