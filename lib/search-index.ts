import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { CollectionSlug, DefaultDocumentIDType, Payload, PayloadRequest, Where } from 'payload'
import { PATHS } from '@/lib/paths'
import { dialectOf, runSql, sql } from '@/lib/raw-sql'
import { quoteIdsOf } from '@/lib/data/reshape'
import { fts5Query, indexTerms, indexWords, mongoQuery, tsQuery, type ParsedQuery } from '@/lib/search-text'

/**
 * The search index: one row per document an anonymous reader may see (published stories and free pages,
 * interns with consent, contacts, topics), in a table of its own that is not a Payload collection, so it is
 * in no API and no admin screen; only lib/data/search.ts reads it.
 *
 * - SQLite: `search_documents` plus an FTS5 table over it (`search_fts`, kept in step by triggers), ranked
 *   by BM25 with the title weighted 10, the lead 4 and the body (with quotes) 1. Terms are folded and
 *   stemmed here (lib/search-text.ts); FTS5's prefix indexes answer the word being typed.
 * - PostgreSQL: `search_documents` with a generated `tsvector` (`danish`, title weight A, lead B, body C) and
 *   a GIN index; it is given folded words and stems them itself; ranked by `ts_rank`.
 * - MongoDB: the `search_documents` collection with a text index (weights 10/4/1, `default_language`
 *   danish) over folded, stemmed terms; ranked by `textScore`. No prefix matching there.
 *
 * Both SQL tables are created by the migrations (`*_search_fts`), the MongoDB indexes by `ensureSearchIndexes`
 * on start. Writes join the request's transaction (SQLite, PostgreSQL, MongoDB with a replica set), so the
 * index row commits with its document; `npm run search:reindex` rebuilds everything from the documents.
 */

export const SEARCH_KINDS = ['story', 'topic', 'intern', 'contact', 'page'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

export type IndexEntry = {
  kind: SearchKind
  docId: string
  path: string
  /** Publication date for stories, last change otherwise: the tie-breaker after rank. */
  date: string | null
  title: string
  lead: string
  body: string
}

export type IndexRow = IndexEntry & { score: number }

const TABLE = 'search_documents'

type MongoCollection = {
  updateOne: (f: object, u: object, o: object) => Promise<unknown>
  deleteOne: (f: object, o: object) => Promise<unknown>
  deleteMany: (f: object) => Promise<unknown>
  insertMany: (docs: object[], o: object) => Promise<unknown>
  createIndex: (spec: object, o: object) => Promise<unknown>
  countDocuments: (f: object) => Promise<number>
  find: (
    f: object,
    o: object,
  ) => {
    sort: (s: object) => {
      skip: (n: number) => { limit: (n: number) => { toArray: () => Promise<MongoDoc[]> } }
    }
  }
}
type MongoDoc = {
  kind: SearchKind
  docId: string
  path: string
  date: Date | null
  title: string
  lead: string
  body: string
  score?: number
}
type MongoAdapter = {
  connection: { collection: (name: string) => MongoCollection }
  sessions?: Record<string | number, unknown>
}

function mongo(payload: Payload): MongoCollection {
  return (payload.db as unknown as MongoAdapter).connection.collection(TABLE)
}
async function mongoSession(payload: Payload, req?: Partial<PayloadRequest>): Promise<object> {
  const id = req?.transactionID ? await req.transactionID : undefined
  const session = id !== undefined ? (payload.db as unknown as MongoAdapter).sessions?.[id] : undefined
  return session ? { session } : {}
}

/** MongoDB only (SQL tables come from migrations): the text index and the one-row-per-document key. */
export async function ensureSearchIndexes(payload: Payload): Promise<void> {
  if (dialectOf(payload) !== 'mongodb') return
  const coll = mongo(payload)
  await coll.createIndex({ kind: 1, docId: 1 }, { unique: true, name: 'kind_docId' })
  await coll.createIndex(
    { titleIndex: 'text', leadIndex: 'text', bodyIndex: 'text' },
    {
      name: 'search_text',
      weights: { titleIndex: 10, leadIndex: 4, bodyIndex: 1 },
      default_language: 'danish',
      // Our own fields carry no language; without this MongoDB would read a `language` field.
      language_override: 'searchLanguage',
    },
  )
}

function indexed(payload: Payload, entry: IndexEntry) {
  // PostgreSQL stems with its `danish` configuration; the others get stems from lib/search-text.ts.
  const form = dialectOf(payload) === 'postgres' ? indexWords : indexTerms
  return { title: form(entry.title), lead: form(entry.lead), body: form(entry.body) }
}

/** An entry as MongoDB stores it: a real date, and the indexed forms the text index covers. */
function mongoRow(payload: Payload, entry: IndexEntry) {
  const ix = indexed(payload, entry)
  return {
    ...entry,
    date: entry.date ? new Date(entry.date) : null,
    titleIndex: ix.title,
    leadIndex: ix.lead,
    bodyIndex: ix.body,
  }
}

export async function upsertEntry(payload: Payload, entry: IndexEntry, req?: Partial<PayloadRequest>) {
  const ix = indexed(payload, entry)
  switch (dialectOf(payload)) {
    case 'mongodb':
      await mongo(payload).updateOne(
        { kind: entry.kind, docId: entry.docId },
        { $set: mongoRow(payload, entry) },
        { upsert: true, ...(await mongoSession(payload, req)) },
      )
      return
    default:
      await runSql(
        payload,
        sql`INSERT INTO search_documents (kind, doc_id, path, date, title, lead, body, title_index, lead_index, body_index)
          VALUES (${entry.kind}, ${entry.docId}, ${entry.path}, ${entry.date}, ${entry.title}, ${entry.lead}, ${entry.body}, ${ix.title}, ${ix.lead}, ${ix.body})
          ON CONFLICT (kind, doc_id) DO UPDATE SET path = excluded.path, date = excluded.date, title = excluded.title,
            lead = excluded.lead, body = excluded.body, title_index = excluded.title_index,
            lead_index = excluded.lead_index, body_index = excluded.body_index`,
        req,
      )
  }
}

export async function removeEntry(
  payload: Payload,
  kind: SearchKind,
  docId: string,
  req?: Partial<PayloadRequest>,
) {
  if (dialectOf(payload) === 'mongodb') {
    await mongo(payload).deleteOne({ kind, docId }, await mongoSession(payload, req))
    return
  }
  await runSql(payload, sql`DELETE FROM search_documents WHERE kind = ${kind} AND doc_id = ${docId}`, req)
}

export async function clearIndex(payload: Payload, req?: Partial<PayloadRequest>) {
  if (dialectOf(payload) === 'mongodb') await mongo(payload).deleteMany({})
  else await runSql(payload, sql`DELETE FROM search_documents`, req)
}

/** Many rows at once (the reindex command and the benchmark's bulk seeding): one statement per batch. */
export async function insertEntries(payload: Payload, entries: IndexEntry[], req?: Partial<PayloadRequest>) {
  if (entries.length === 0) return
  if (dialectOf(payload) === 'mongodb') {
    await mongo(payload).insertMany(
      entries.map((e) => mongoRow(payload, e)),
      { ordered: false, ...(await mongoSession(payload, req)) },
    )
    return
  }
  const values = entries.map((e) => {
    const ix = indexed(payload, e)
    return sql`(${e.kind}, ${e.docId}, ${e.path}, ${e.date}, ${e.title}, ${e.lead}, ${e.body}, ${ix.title}, ${ix.lead}, ${ix.body})`
  })
  await runSql(
    payload,
    sql`INSERT INTO search_documents (kind, doc_id, path, date, title, lead, body, title_index, lead_index, body_index)
      VALUES ${sql.join(values, sql`, `)}`,
    req,
  )
}

/** Which matches of one kind to return: the best `limit` after skipping `offset`. */
export type KindSlice = { kind: SearchKind; limit: number; offset: number }
/** One slice's rows, best first, and how many documents of that kind match in all. */
export type KindResult = { rows: IndexRow[]; total: number }

const NO_MATCHES: KindResult = { rows: [], total: 0 }

/**
 * The best matches of `parsed` for each slice, by rank and then newest first, with each kind's total; in the
 * order of `slices`. A query with no words (only punctuation, say) matches nothing.
 */
export async function queryIndex(
  payload: Payload,
  parsed: ParsedQuery,
  slices: readonly KindSlice[],
): Promise<KindResult[]> {
  switch (dialectOf(payload)) {
    case 'sqlite':
      return sqliteSlices(payload, parsed, slices)
    case 'postgres':
      return Promise.all(slices.map((slice) => postgresSlice(payload, parsed, slice)))
    case 'mongodb':
      return Promise.all(slices.map((slice) => mongoSlice(payload, parsed, slice)))
  }
}

/**
 * SQLite answers every slice with one statement that walks the full-text matches once: each match is
 * joined to its row by id (CROSS JOIN fixes that order), ranked within its kind by a window, and only the
 * rows a slice asks for (plus each kind's first, which carries the total) are joined again for their text.
 * Measured at 100,000 stories for a word in 978 of them: 5-11 ms for the stories and 13 ms for the other
 * four kinds when each kind was a query of its own (walking a kind's rows and asking FTS5 about each one
 * re-reads the prefix's doclist per row), against 3-11 ms for all of them here.
 */
async function sqliteSlices(
  payload: Payload,
  parsed: ParsedQuery,
  slices: readonly KindSlice[],
): Promise<KindResult[]> {
  const match = fts5Query(parsed)
  if (!match || slices.length === 0) return slices.map(() => NO_MATCHES)
  const kindList = sql.join(
    slices.map((s) => sql`${s.kind}`),
    sql`, `,
  )
  const wanted = sql.join(
    slices.map((s) => sql`(r.kind = ${s.kind} AND r.n > ${s.offset} AND r.n <= ${s.offset + s.limit})`),
    sql` OR `,
  )
  const rows = await runSql(
    payload,
    sql`WITH m AS (
        SELECT d.id, d.kind, d.date, bm25(search_fts, 10.0, 4.0, 1.0) AS score
        FROM search_fts CROSS JOIN search_documents d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ${match} AND d.kind IN (${kindList})
      ), ranked AS (
        SELECT id, kind, score,
          row_number() OVER (PARTITION BY kind ORDER BY score, date DESC, id DESC) AS n,
          count(*) OVER (PARTITION BY kind) AS total
        FROM m
      )
      SELECT r.kind, r.n, r.total, r.score, (${wanted}) AS wanted,
        d.doc_id, d.path, d.date, d.title, d.lead, d.body
      FROM ranked r CROSS JOIN search_documents d ON d.id = r.id
      WHERE r.n = 1 OR (${wanted})
      ORDER BY r.kind, r.n`,
  )
  return slices.map((slice) => {
    const ofKind = rows.filter((r) => r.kind === slice.kind)
    return {
      // BM25 is smaller for better matches; turned round so every dialect reports "higher is better".
      rows: ofKind.filter((r) => Number(r.wanted) === 1).map((r) => toRow(r, -Number(r.score))),
      total: Number(ofKind[0]?.total ?? 0),
    }
  })
}

async function postgresSlice(
  payload: Payload,
  parsed: ParsedQuery,
  { kind, limit, offset }: KindSlice,
): Promise<KindResult> {
  const query = tsQuery(parsed)
  if (!query) return NO_MATCHES
  const [rows, count] = await Promise.all([
    runSql(
      payload,
      sql`SELECT kind, doc_id, path, date, title, lead, body, ts_rank(document, q) AS score
        FROM search_documents, to_tsquery('danish', ${query}) q
        WHERE document @@ q AND kind = ${kind}
        ORDER BY score DESC, date DESC NULLS LAST LIMIT ${limit} OFFSET ${offset}`,
    ),
    runSql(
      payload,
      sql`SELECT count(*) AS n FROM search_documents WHERE document @@ to_tsquery('danish', ${query}) AND kind = ${kind}`,
    ),
  ])
  return { rows: rows.map((r) => toRow(r, Number(r.score))), total: Number(count[0]?.n ?? 0) }
}

async function mongoSlice(
  payload: Payload,
  parsed: ParsedQuery,
  { kind, limit, offset }: KindSlice,
): Promise<KindResult> {
  const search = mongoQuery(parsed)
  if (!search) return NO_MATCHES
  const filter = { $text: { $search: search }, kind }
  const coll = mongo(payload)
  const [docs, total] = await Promise.all([
    coll
      .find(filter, {
        projection: {
          kind: 1,
          docId: 1,
          path: 1,
          date: 1,
          title: 1,
          lead: 1,
          body: 1,
          score: { $meta: 'textScore' },
        },
      })
      .sort({ score: { $meta: 'textScore' }, date: -1 })
      .skip(offset)
      .limit(limit)
      .toArray(),
    coll.countDocuments(filter),
  ])
  return {
    rows: docs.map((d) => ({
      kind: d.kind,
      docId: d.docId,
      path: d.path,
      date: d.date ? d.date.toISOString() : null,
      title: d.title,
      lead: d.lead,
      body: d.body,
      score: d.score ?? 0,
    })),
    total,
  }
}

function toRow(r: Record<string, unknown>, score: number): IndexRow {
  const date = r.date instanceof Date ? r.date.toISOString() : typeof r.date === 'string' ? r.date : null
  return {
    kind: r.kind as SearchKind,
    docId: String(r.doc_id),
    path: String(r.path),
    date,
    title: String(r.title ?? ''),
    lead: String(r.lead ?? ''),
    body: String(r.body ?? ''),
    score,
  }
}

// ---------------------------------------------------------------------------------------------------------
// From documents to entries: what is public, and the text of it.

const COLLECTION_OF: Record<SearchKind, CollectionSlug> = {
  story: 'articles',
  topic: 'topics',
  intern: 'interns',
  contact: 'contacts',
  page: 'pages',
}

type Row = Record<string, unknown> & { id: DefaultDocumentIDType }

const plain = (richText: unknown): string =>
  richText && typeof richText === 'object'
    ? convertLexicalToPlaintext({ data: richText as SerializedEditorState })
    : ''
const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '')
const joined = (...parts: unknown[]) => parts.map(str).filter(Boolean).join(' · ')

/** A story's quotes: those it shows (pull quote, inline) and those that name it as their story. */
async function quoteTexts(payload: Payload, row: Row, req?: Partial<PayloadRequest>): Promise<string[]> {
  return (await quoteTextsOf(payload, [row], req)).get(String(row.id)) ?? []
}

/** The quotes of many stories in one query, by story id. */
async function quoteTextsOf(
  payload: Payload,
  rows: Row[],
  req?: Partial<PayloadRequest>,
): Promise<Map<string, string[]>> {
  const byQuote = new Map<string, string[]>()
  for (const row of rows)
    for (const q of quoteIdsOf(row as Parameters<typeof quoteIdsOf>[0])) {
      const list = byQuote.get(String(q)) ?? []
      list.push(String(row.id))
      byQuote.set(String(q), list)
    }
  const or: Where[] = [{ article: { in: rows.map((r) => r.id) } }]
  if (byQuote.size > 0) or.push({ id: { in: [...byQuote.keys()] } })
  const { docs } = await payload.find({
    collection: 'quotes',
    where: { or },
    depth: 0,
    pagination: false,
    overrideAccess: false,
    select: { text: true, article: true },
    req,
  })
  const texts = new Map<string, string[]>()
  for (const q of docs) {
    const article = q.article && typeof q.article === 'object' ? q.article.id : q.article
    const owners = new Set([
      ...(byQuote.get(String(q.id)) ?? []),
      ...(article != null ? [String(article)] : []),
    ])
    for (const owner of owners) texts.set(owner, [...(texts.get(owner) ?? []), q.text])
  }
  return texts
}

/**
 * The entry for a document's public state (its main row: with drafts on, a saved draft leaves that row, the
 * published content, alone), or null when an anonymous reader may not see it. The rules are those of the
 * collections' read access (access/publishedOrEditor.ts, access/consentingOrEditor.ts, anyone).
 */
export async function entryFor(
  payload: Payload,
  kind: SearchKind,
  row: Row,
  req?: Partial<PayloadRequest>,
  quotes?: string[],
): Promise<IndexEntry | null> {
  const slug = str(row.slug)
  const docId = String(row.id)
  const updated = str(row.updatedAt) || null
  switch (kind) {
    case 'story':
      if (row._status !== 'published' || !slug) return null
      return {
        kind,
        docId,
        path: PATHS.story(slug),
        date: str(row.publishedAt) || updated,
        title: str(row.title),
        lead: str(row.lead),
        body: [plain(row.body), ...(quotes ?? (await quoteTexts(payload, row, req)))].join('\n'),
      }
    case 'page':
      if (row._status !== 'published' || !slug) return null
      return {
        kind,
        docId,
        path: PATHS.page(slug),
        date: updated,
        title: str(row.title),
        lead: str(row.lead),
        body: plain(row.body),
      }
    case 'intern':
      if (row.publicationConsent !== true || !slug) return null
      return {
        kind,
        docId,
        path: PATHS.intern(slug),
        date: updated,
        title: str(row.name),
        lead: joined(row.role, row.organisation),
        body: joined(row.programme, row.bio),
      }
    case 'topic':
      if (!slug) return null
      return {
        kind,
        docId,
        path: PATHS.topic(slug),
        date: updated,
        title: str(row.name),
        lead: str(row.description),
        body: '',
      }
    case 'contact':
      return {
        kind,
        docId,
        path: PATHS.contact,
        date: updated,
        title: str(row.name),
        lead: joined(row.title, row.organisation),
        body: '',
      }
  }
}

/** Brings one document's index row in line with its public state, in the request's transaction. */
export async function indexDocument(
  payload: Payload,
  kind: SearchKind,
  id: DefaultDocumentIDType,
  req?: Partial<PayloadRequest>,
): Promise<void> {
  const row = (await payload.db.findOne({
    collection: COLLECTION_OF[kind],
    where: { id: { equals: id } },
    req,
  })) as Row | null
  const entry = row ? await entryFor(payload, kind, row, req) : null
  if (entry) await upsertEntry(payload, entry, req)
  else await removeEntry(payload, kind, String(id), req)
}

/**
 * Rebuilds the whole index from the documents, a batch at a time (`npm run search:reindex`, the migration
 * that creates the index, the benchmark's seeding). `log` gets a line of progress per batch.
 */
export async function reindexAll(
  payload: Payload,
  log: (line: string) => void = () => {},
  req?: Partial<PayloadRequest>,
  batchSize = 500,
): Promise<number> {
  await clearIndex(payload, req)
  let written = 0
  for (const kind of SEARCH_KINDS) {
    const collection = COLLECTION_OF[kind]
    const { totalDocs } = await payload.db.count({ collection, where: {}, req })
    for (let page = 1, seen = 0; seen < totalDocs; page++) {
      const { docs } = await payload.db.find({
        collection,
        where: {},
        sort: 'id',
        limit: batchSize,
        page,
        req,
      })
      if (docs.length === 0) break
      seen += docs.length
      const rows = docs as unknown as Row[]
      const quotes = kind === 'story' ? await quoteTextsOf(payload, rows, req) : undefined
      const entries = (
        await Promise.all(
          rows.map((d) =>
            entryFor(payload, kind, d, req, quotes ? (quotes.get(String(d.id)) ?? []) : undefined),
          ),
        )
      ).filter((e): e is IndexEntry => e !== null)
      await insertEntries(payload, entries, req)
      written += entries.length
      log(`${collection}: ${seen}/${totalDocs} read, ${written} rows in the index`)
    }
  }
  return written
}
