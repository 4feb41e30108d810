import type { JSONSchema4, JSONSchema4TypeName } from 'json-schema'
import type { Config } from 'payload'

/**
 * `payload generate:types` types every document id after the adapter it happens to run with: `number` on
 * SQLite and PostgreSQL, `string` on MongoDB (ObjectIds). This site picks its adapter at run time from
 * `DATABASE_URI`, so neither is true of the code: an id is Payload's `number | string`
 * (`DefaultDocumentIDType` when nothing narrows it). This schema step rewrites every document id and every
 * relationship value in the generated JSON schema to `number | string`, so `payload-types.ts` is the same
 * whichever adapter generated it, and the type checker refuses code that treats an id as a number.
 *
 * Payload has no option for this yet (payloadcms/payload#13926 proposes `typescript.defaultIDType`).
 */

type SchemaStep = NonNullable<NonNullable<Config['typescript']>['schema']>[number]

const ID_TYPES: JSONSchema4TypeName[] = ['number', 'string']

/** `number`, `string`, or either with `null`, as Payload writes an id's type. */
function isIdType(type: JSONSchema4['type']): boolean {
  const types = Array.isArray(type) ? type : [type]
  const nonNull = types.filter((t) => t !== 'null')
  return nonNull.length === 1 && (nonNull[0] === 'number' || nonNull[0] === 'string')
}

function anyIdType(type: JSONSchema4['type']): JSONSchema4['type'] {
  const nullable = Array.isArray(type) && type.includes('null')
  return nullable ? [...ID_TYPES, 'null'] : [...ID_TYPES]
}

/**
 * A relationship, upload or join value is written as `oneOf: [{ type: <id type> }, { $ref: <collection> }]`
 * (see configToJSONSchema in payload/dist/utilities). Only alternatives beside a collection `$ref` are ids.
 */
function widenRelationshipIds(node: unknown, collectionRefs: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) widenRelationshipIds(item, collectionRefs)
    return
  }
  if (!node || typeof node !== 'object') return
  const schema = node as JSONSchema4
  if (Array.isArray(schema.oneOf) && schema.oneOf.some((o) => o.$ref && collectionRefs.has(o.$ref))) {
    for (const option of schema.oneOf) {
      if (!option.$ref && isIdType(option.type) && Object.keys(option).length === 1) {
        option.type = anyIdType(option.type)
      }
    }
  }
  for (const value of Object.values(schema)) widenRelationshipIds(value, collectionRefs)
}

export const idsOfAnyAdapter: SchemaStep = ({ config, jsonSchema }) => {
  const definitions = jsonSchema.definitions ?? {}
  const collections = config.collections.map((c) => c.slug)
  const entities = [...collections, ...config.globals.map((g) => g.slug)]
  for (const slug of entities) {
    const id = definitions[slug]?.properties?.id
    if (id && isIdType(id.type)) id.type = anyIdType(id.type)
  }
  widenRelationshipIds(definitions, new Set(collections.map((slug) => `#/definitions/${slug}`)))
  const db = jsonSchema.properties?.db?.properties
  if (db?.defaultIDType) db.defaultIDType = { type: [...ID_TYPES] }
  return jsonSchema
}
