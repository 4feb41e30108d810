import type {
  Block,
  CollectionSlug,
  DefaultDocumentIDType,
  FlattenedField,
  GlobalSlug,
  Payload,
  SanitizedCollectionConfig,
} from 'payload'
import { InlineQuoteBlock, ReadAlsoBlock, VideoEmbedBlock } from '@/collections/Articles/blocks'

/**
 * `npm run db:copy`: everything in one database, written into another of any kind.
 *
 * Read and written through Payload's database adapter (`payload.db`), below the Local API: a copy keeps
 * documents exactly as they are (timestamps, authorship, password hashes, drafts, the search index) and
 * runs no hooks (no revalidation, no audit entries, no new versions). Ids cannot be kept across kinds
 * (SQL numbers rows, MongoDB uses ObjectIds), so every document gets a new id in the target and every
 * reference to it is rewritten: relationship and upload fields (also inside groups, arrays and blocks),
 * links and blocks in rich text, versions' parents, the job queue's inputs and the audit log's document ids.
 */

/** Not copied: the migrations table is the target's own; locks and admin preferences are session state. */
const SKIPPED = new Set(['payload-migrations', 'payload-locked-documents', 'payload-preferences'])

/** Written first so that most references already have their target's id (the rest are set afterwards). */
const ORDER = ['users', 'media', 'topics', 'interns', 'contacts', 'quotes', 'articles', 'pages', 'redirects']

/** Blocks used inside rich text (lexical keeps their fields in the JSON). */
const RICH_TEXT_BLOCKS: Block[] = [InlineQuoteBlock, VideoEmbedBlock, ReadAlsoBlock]

type Doc = Record<string, unknown>
type VersionDoc = {
  id: DefaultDocumentIDType
  parent?: DefaultDocumentIDType
  version: Doc
  createdAt: string
  updatedAt: string
  autosave?: boolean
  publishedLocale?: string
  snapshot?: true
}

export type Dump = {
  source: string
  collections: { slug: CollectionSlug; versioned: boolean; docs: Doc[]; versions: VersionDoc[] }[]
  globals: { slug: GlobalSlug; doc: Doc | null; versions: VersionDoc[] }[]
}

export type CopyLog = (line: string) => void

export function copiedCollections(payload: Payload): SanitizedCollectionConfig[] {
  const all = payload.config.collections.filter((c) => !SKIPPED.has(c.slug))
  const rank = (slug: string) => (ORDER.includes(slug) ? ORDER.indexOf(slug) : ORDER.length)
  return [...all].sort((a, b) => rank(a.slug) - rank(b.slug))
}

/** Everything in the database, as plain JSON. */
export async function exportDatabase(payload: Payload, log: CopyLog): Promise<Dump> {
  const dump: Dump = { source: payload.db.name, collections: [], globals: [] }
  for (const collection of copiedCollections(payload)) {
    const { docs } = await payload.db.find<Doc>({
      collection: collection.slug,
      pagination: false,
      limit: 0,
      sort: 'createdAt',
    })
    const versions = collection.versions
      ? (
          await payload.db.findVersions<Doc>({
            collection: collection.slug,
            pagination: false,
            limit: 0,
            sort: 'createdAt',
          })
        ).docs
      : []
    dump.collections.push({
      slug: collection.slug,
      versioned: Boolean(collection.versions),
      docs,
      versions: versions as unknown as VersionDoc[],
    })
    log(`  read ${collection.slug}: ${docs.length} documents, ${versions.length} versions`)
  }
  for (const global of payload.config.globals) {
    const doc = (await payload.db.findGlobal<Doc>({ slug: global.slug })) ?? null
    const versions = global.versions
      ? (
          await payload.db.findGlobalVersions<Doc>({
            global: global.slug,
            pagination: false,
            limit: 0,
            sort: 'createdAt',
          })
        ).docs
      : []
    dump.globals.push({ slug: global.slug, doc, versions: versions as unknown as VersionDoc[] })
    log(`  read global ${global.slug}: ${versions.length} versions`)
  }
  return JSON.parse(JSON.stringify(dump)) as Dump
}

/** What is already in a database; a copy goes only into an empty one. */
export async function contentCounts(payload: Payload): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const collection of copiedCollections(payload)) {
    counts[collection.slug] = (await payload.db.count({ collection: collection.slug })).totalDocs
    if (collection.versions) {
      counts[`${collection.slug} (versions)`] = (
        await payload.db.countVersions({ collection: collection.slug })
      ).totalDocs
    }
  }
  for (const global of payload.config.globals) {
    if (global.versions) {
      counts[`global ${global.slug} (versions)`] = (
        await payload.db.countGlobalVersions({ global: global.slug })
      ).totalDocs
    }
  }
  return counts
}

export function dumpCounts(dump: Dump): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { slug, versioned, docs, versions } of dump.collections) {
    counts[slug] = docs.length
    if (!versioned) continue
    // Versions of documents that no longer exist are not copied (see importDatabase).
    const ids = new Set(docs.map((d) => String(d.id)))
    counts[`${slug} (versions)`] = versions.filter((v) => ids.has(String(v.parent))).length
  }
  for (const { slug, versions } of dump.globals) counts[`global ${slug} (versions)`] = versions.length
  return counts
}

// --- Rewriting references ------------------------------------------------------------------------------------

export type IdMaps = Map<string, Map<string, DefaultDocumentIDType>>

/** Rewrites references in a document; collects the ones whose target has no new id yet. */
export class Remapper {
  constructor(private readonly maps: IdMaps) {}
  /** Set while a first pass writes documents: unresolved references become null and are noted. */
  unresolved = false

  id(collection: string, value: unknown): unknown {
    if (value === null || value === undefined) return value
    if (typeof value === 'object' && 'id' in (value as Doc)) return this.id(collection, (value as Doc).id)
    const mapped = this.maps.get(collection)?.get(String(value))
    if (mapped !== undefined) return mapped
    this.unresolved = true
    return null
  }

  fields(fields: FlattenedField[], data: Doc): Doc {
    const out: Doc = { ...data }
    for (const field of fields) {
      if (!(field.name in data)) continue
      const value = data[field.name]
      if (value === null || value === undefined) continue
      switch (field.type) {
        case 'join':
          delete out[field.name]
          break
        case 'relationship':
        case 'upload':
          out[field.name] = this.relation(field.relationTo, field.hasMany === true, value)
          break
        case 'group':
        case 'tab':
          if (typeof value === 'object') out[field.name] = this.fields(field.flattenedFields, value as Doc)
          break
        case 'array':
          if (Array.isArray(value))
            out[field.name] = value.map((row: Doc) => this.fields(field.flattenedFields, row))
          break
        case 'blocks':
          if (Array.isArray(value)) {
            const blocks = [...(field.blocks ?? [])]
            out[field.name] = value.map((row: Doc) => this.block(blocks, row))
          }
          break
        case 'richText':
          out[field.name] = this.richText(value)
          break
        default:
          break
      }
    }
    return out
  }

  private relation(relationTo: string | string[], hasMany: boolean, value: unknown): unknown {
    const one = (v: unknown) => {
      if (Array.isArray(relationTo)) {
        const poly = v as { relationTo: string; value: unknown }
        const id = this.id(poly.relationTo, poly.value)
        return id === null ? null : { relationTo: poly.relationTo, value: id }
      }
      return this.id(relationTo, v)
    }
    if (hasMany && Array.isArray(value)) return value.map(one).filter((v) => v !== null)
    return one(value)
  }

  private block(blocks: (Block | string)[], row: Doc): Doc {
    const block = blocks.find((b): b is Block => typeof b === 'object' && b.slug === row.blockType)
    if (!block) return row
    return this.fields(
      (block as Block & { flattenedFields?: FlattenedField[] }).flattenedFields ??
        (block.fields as FlattenedField[]),
      row,
    )
  }

  /** Lexical JSON: internal links and relationship/upload nodes carry `{ relationTo, value }`, blocks fields. */
  private richText(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((v) => this.richText(v))
    if (!value || typeof value !== 'object') return value
    const node = { ...(value as Doc) }
    if (
      (node.type === 'block' || node.type === 'inlineBlock') &&
      node.fields &&
      typeof node.fields === 'object'
    ) {
      node.fields = this.block(RICH_TEXT_BLOCKS, node.fields as Doc)
    }
    if (['relationship', 'upload'].includes(String(node.type)) && typeof node.relationTo === 'string') {
      node.value = this.id(node.relationTo, node.value)
    }
    const fields = node.fields as Doc | undefined
    const doc = fields?.doc as { relationTo?: string; value?: unknown } | undefined
    if (doc && typeof doc.relationTo === 'string' && fields) {
      node.fields = { ...fields, doc: { ...doc, value: this.id(doc.relationTo, doc.value) } }
    }
    for (const [key, child] of Object.entries(node)) {
      if (key !== 'fields' && child && typeof child === 'object') node[key] = this.richText(child)
    }
    return node
  }
}

/** Ids stored as text that the field config cannot know about. */
function remapSpecial(collection: string, data: Doc, remapper: Remapper, payload: Payload): Doc {
  if (collection === 'audit-log' && data.documentId && typeof data.targetSlug === 'string') {
    const isCollection = payload.config.collections.some((c) => c.slug === data.targetSlug)
    if (isCollection) {
      const id = remapper.id(data.targetSlug, data.documentId)
      // The log outlives what it describes: a deleted document's entry keeps its old id.
      return { ...data, documentId: id === null ? data.documentId : String(id) }
    }
  }
  if (collection === 'payload-jobs' && data.input && typeof data.input === 'object') {
    const task = payload.config.jobs?.tasks?.find((t) => t.slug === data.taskSlug)
    const schema = (task?.inputSchema ?? []) as FlattenedField[]
    return { ...data, input: remapper.fields(withRelationTo(schema), data.input as Doc) }
  }
  return data
}

/** Task input schemas are raw field configs; only their relationship fields matter here. */
function withRelationTo(fields: FlattenedField[]): FlattenedField[] {
  return fields.filter((f) => f.type === 'relationship' || f.type === 'upload')
}

function withoutSystemKeys(doc: Doc): Doc {
  const { id: _id, _id: _mongoId, __v: _v, ...rest } = doc
  return rest
}

/** A version as the target stores it, its data's references rewritten; collections and globals alike. */
function versionRecord(remapper: Remapper, fields: FlattenedField[], version: VersionDoc) {
  return {
    versionData: remapper.fields(fields, withoutSystemKeys(version.version)) as never,
    autosave: version.autosave ?? false,
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
    publishedLocale: version.publishedLocale,
    snapshot: version.snapshot,
    returning: false,
  }
}

/** Writes a dump into an empty database, rewriting every reference to the new ids. */
export async function importDatabase(payload: Payload, dump: Dump, log: CopyLog): Promise<void> {
  const maps: IdMaps = new Map()
  const remapper = new Remapper(maps)
  const configOf = (slug: string) => payload.config.collections.find((c) => c.slug === slug)
  const deferred: { slug: CollectionSlug; id: DefaultDocumentIDType; doc: Doc }[] = []

  for (const { slug, docs } of dump.collections) {
    const config = configOf(slug)
    if (!config) throw new Error(`The target has no collection "${slug}"`)
    const map = new Map<string, DefaultDocumentIDType>()
    maps.set(slug, map)
    const started = Date.now()
    for (const doc of docs) {
      remapper.unresolved = false
      const data = remapSpecial(
        slug,
        remapper.fields(config.flattenedFields, withoutSystemKeys(doc)),
        remapper,
        payload,
      )
      const created = await payload.db.create({ collection: slug, data })
      map.set(String(doc.id), created.id)
      if (remapper.unresolved) deferred.push({ slug, id: created.id, doc })
    }
    log(`  ${slug}: ${docs.length} documents (${Date.now() - started} ms)`)
  }
  // References to documents written later (a quote points at its story, the story at its quotes).
  for (const { slug, id, doc } of deferred) {
    const config = configOf(slug)!
    const data = remapSpecial(
      slug,
      remapper.fields(config.flattenedFields, withoutSystemKeys(doc)),
      remapper,
      payload,
    )
    await payload.db.updateOne({ collection: slug, id, data, returning: false })
  }
  if (deferred.length > 0) log(`  set ${deferred.length} references to documents written after them`)

  for (const { slug, versions } of dump.collections) {
    if (versions.length === 0) continue
    const config = configOf(slug)!
    for (const version of versions) {
      const parent = remapper.id(slug, version.parent)
      if (parent === null) continue // a version of a document that no longer exists: nothing to show it with
      await payload.db.createVersion({
        collectionSlug: slug,
        parent: parent as DefaultDocumentIDType,
        ...versionRecord(remapper, config.flattenedFields, version),
      })
    }
    log(`  ${slug}: ${versions.length} versions`)
  }

  for (const { slug, doc, versions } of dump.globals) {
    const config = payload.config.globals.find((g) => g.slug === slug)
    if (!config) throw new Error(`The target has no global "${slug}"`)
    if (doc) {
      const data = remapper.fields(config.flattenedFields, withoutSystemKeys(doc))
      await payload.db.createGlobal({ slug, data, returning: false })
    }
    for (const version of versions) {
      await payload.db.createGlobalVersion({
        globalSlug: slug,
        ...versionRecord(remapper, config.flattenedFields, version),
      })
    }
    log(`  global ${slug}${doc ? '' : ' (never set)'}: ${versions.length} versions`)
  }
}
