import type { SQLiteAdapter } from '@payloadcms/db-sqlite'
import type { DefaultDocumentIDType, Payload } from 'payload'
import { reindexAll } from '@/lib/search-index'
import { block, type BlockNode, editorState, type ParagraphNode, paragraph } from '@/seeds/lexical'

/**
 * SYNTHETIC benchmark content for `npm run bench` only: it is never imported by `npm start`, the seed or
 * the site. N published stories, each with one or two quotes of its own, a topic and one or two interns,
 * drawn from a shared pool of topics and interns. The text is Danish-looking filler made from word lists;
 * every title says "Syntetisk historie", every person is "Syntetisk praktikant <n>" of
 * "Eksempelorganisation <n>", and there are no links. A fixed PRNG seed per story makes a given N yield
 * the same stories every time.
 */

export const SYNTHETIC_TOPIC_COUNT = 12
export const SYNTHETIC_INTERN_COUNT = 40

/** Mulberry32: tiny, fast and deterministic; statistical quality is irrelevant for filler text. */
function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const TOPIC_NAMES = [
  'Sundhed',
  'Fællesskaber',
  'Skole og læring',
  'Natur og klima',
  'Kultur',
  'Erhverv',
  'Ældreliv',
  'Børn og unge',
  'Frivillighed',
  'Byudvikling',
  'Digitalisering',
  'Beskæftigelse',
] as const

const SUBJECTS = [
  'Borgerne',
  'Medarbejderne',
  'Foreningerne',
  'Skolen',
  'Biblioteket',
  'Plejecentret',
  'De frivillige',
  'Lokalrådet',
  'Jobcentret',
  'Dagplejen',
  'Ungdomsskolen',
  'Kulturhuset',
]
const VERBS = [
  'afprøver',
  'udvikler',
  'samler',
  'styrker',
  'inviterer til',
  'undersøger',
  'tegner',
  'deler',
  'bygger videre på',
  'drøfter',
]
const OBJECTS = [
  'nye fællesskaber',
  'en ny praksis',
  'det lokale samarbejde',
  'idéer til byrummet',
  'hverdagen på tværs af generationer',
  'en enklere vej gennem systemet',
  'erfaringer fra andre kommuner',
  'små forsøg i stor skala',
  'en grønnere drift',
  'mødet mellem borger og kommune',
]
const PLACES = [
  'i Haslev',
  'i Faxe',
  'i Karise',
  'i Rønnede',
  'i Dalby',
  'i Faxe Ladeplads',
  'i Terslev',
  'i Jyderup',
]
const CLAUSES = [
  'fordi det giver mening i hverdagen',
  'selv om tiden er knap',
  'og lærer undervejs',
  'sammen med naboerne',
  'med små skridt ad gangen',
  'uden at gøre det sværere end nødvendigt',
  'mens resten af organisationen følger med',
  'og inviterer flere indenfor',
]
/** 10 x 10 compound words; each story carries one, so searching for one matches about 1% of the stories. */
const THEME_PREFIXES = [
  'have',
  'by',
  'sundheds',
  'kultur',
  'natur',
  'idræts',
  'lærings',
  'mad',
  'kyst',
  'skov',
]
const THEME_SUFFIXES = [
  'værksted',
  'laug',
  'netværk',
  'festival',
  'café',
  'dialog',
  'projekt',
  'forum',
  'lab',
  'rute',
]
const THEME_WORDS = THEME_PREFIXES.flatMap((p) => THEME_SUFFIXES.map((s) => `${p}${s}`))
/** A word for the benchmark to search for: one of the theme words, found in no other generated text. */
export const SYNTHETIC_SEARCH_WORD = 'kystlaug'

export type SyntheticTopic = { name: string; slug: string; description: string }
export type SyntheticIntern = {
  name: string
  slug: string
  role: string
  organisation: string
  programme: string
  year: number
  publicationConsent: true
  consentNote: string
}
export type SyntheticStory = {
  title: string
  slug: string
  lead: string
  paragraphs: string[]
  /** quotes[0] is the pull quote; quotes[1], when there is one, stands inline after the second paragraph. */
  quotes: { text: string; intern: number }[]
  topic: number
  interns: number[]
  publishedAt: string
}

const pad = (n: number, width: number) => String(n).padStart(width, '0')

export function syntheticTopics(): SyntheticTopic[] {
  return TOPIC_NAMES.map((name, i) => ({
    name: `${name} (syntetisk)`,
    slug: `syntetisk-emne-${pad(i + 1, 2)}`,
    description: `Syntetisk testemne til ydelsesmålinger: ${name.toLowerCase()}.`,
  }))
}

export function syntheticInterns(): SyntheticIntern[] {
  return Array.from({ length: SYNTHETIC_INTERN_COUNT }, (_, i) => ({
    name: `Syntetisk praktikant ${pad(i + 1, 2)}`,
    slug: `syntetisk-praktikant-${pad(i + 1, 2)}`,
    role: 'Udviklingskonsulent',
    organisation: `Eksempelorganisation ${(i % 8) + 1}`,
    programme: 'Syntetisk innovationspraktik',
    year: 2020 + (i % 6),
    // Public like the seed's interns, so story pages show them; they are no real people.
    publicationConsent: true,
    consentNote: 'Syntetisk testperson til ydelsesmålinger; ingen rigtig person.',
  }))
}

export const syntheticStorySlug = (i: number) => `syntetisk-historie-${pad(i + 1, 5)}`

/**
 * Story `i` (0-based). Stories are dated one hour apart going back from 1 January 2025, so story 0 is the
 * newest synthetic one and pagination has a stable order.
 */
export function syntheticStory(i: number): SyntheticStory {
  const random = prng(0x5eed + i)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const sentence = () =>
    `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}, ${pick(CLAUSES)}.`
  const theme = pick(THEME_WORDS)
  const paragraphs = Array.from({ length: 4 + Math.floor(random() * 3) }, () =>
    Array.from({ length: 3 + Math.floor(random() * 3) }, sentence).join(' '),
  )
  paragraphs[1] = `${paragraphs[1]} Arbejdet er en del af et ${theme}, som er åbent for alle.`
  const firstIntern = Math.floor(random() * SYNTHETIC_INTERN_COUNT)
  const interns = Array.from(
    { length: 1 + Math.floor(random() * 2) },
    (_, k) => (firstIntern + k * 7) % SYNTHETIC_INTERN_COUNT,
  )
  const quotes = Array.from({ length: 1 + Math.floor(random() * 2) }, (_, k) => ({
    text: `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)}, ${pick(CLAUSES)}!`,
    intern: interns[k % interns.length] as number,
  }))
  return {
    title: `Syntetisk historie ${pad(i + 1, 5)}: ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(PLACES)}`,
    slug: syntheticStorySlug(i),
    lead: `Syntetisk testhistorie til ydelsesmålinger. ${sentence()}`,
    paragraphs,
    quotes,
    topic: Math.floor(random() * SYNTHETIC_TOPIC_COUNT),
    interns,
    publishedAt: new Date(Date.UTC(2025, 0, 1) - i * 3_600_000).toISOString(),
  }
}

function storyBody(story: SyntheticStory, quoteIds: number[]) {
  const children: (ParagraphNode | BlockNode)[] = story.paragraphs.map(paragraph)
  if (quoteIds[1] !== undefined) children.splice(2, 0, block('inlineQuote', { quote: quoteIds[1] }))
  return editorState(children)
}

export type SyntheticLog = (line: string) => void
type Pools = { topicIds: number[]; internIds: number[] }

/**
 * The bulk writer below writes SQLite rows, whose ids are integers; an id from the Local API is Payload's
 * `number | string`, so it is checked here rather than assumed.
 */
function sqliteRowId(id: DefaultDocumentIDType): number {
  if (typeof id !== 'number')
    throw new Error(`Expected an SQLite row id (an integer), got ${JSON.stringify(id)}`)
  return id
}

const context = { disableRevalidate: true }

/**
 * How many stories go through the Local API with every hook. They are the reference the bulk rows are
 * checked against, and they keep the hooks' own code path in every benchmark run.
 */
const REFERENCE_STORIES = 5

/**
 * Writes `count` synthetic stories with their topics, interns and quotes.
 *
 * The first few go through the Local API. The Local API costs about 30 ms of CPU per story here (hooks,
 * validation, a version row, the quotes' back-references), which is five minutes for 10,000 stories and
 * would blow the benchmark's 15-minute budget, and a transaction does not make it faster. The rest are
 * therefore inserted in bulk with plain SQL in one transaction, writing exactly the rows the Local API
 * writes (main row, relationship rows, the published version and its relationship rows, quotes with their
 * speaker and back-reference). The search index is then rebuilt from the documents by the code of
 * `npm run search:reindex`, a batch at a time.
 * `checkBulkRows` compares the bulk rows with those of the reference stories, column by column, so a
 * schema change that the bulk writer does not follow fails the benchmark instead of skewing it.
 *
 * SQLite only: the benchmark always runs on a fresh temporary SQLite file.
 */
export async function seedSynthetic(
  payload: Payload,
  count: number,
  log: SyntheticLog = () => {},
): Promise<void> {
  const db = payload.db as unknown as SQLiteAdapter
  if (db.name !== 'sqlite') throw new Error('The synthetic benchmark data is written to SQLite only.')

  const pools: Pools = { topicIds: [], internIds: [] }
  for (const topic of syntheticTopics()) {
    const doc = await payload.create({
      collection: 'topics',
      data: topic,
      overrideAccess: true,
      context,
      depth: 0,
    })
    pools.topicIds.push(sqliteRowId(doc.id))
  }
  for (const intern of syntheticInterns()) {
    const doc = await payload.create({
      collection: 'interns',
      data: intern,
      overrideAccess: true,
      context,
      depth: 0,
    })
    pools.internIds.push(sqliteRowId(doc.id))
  }

  const references = Math.min(count, REFERENCE_STORIES)
  for (let i = 0; i < references; i++) await createWithLocalApi(payload, syntheticStory(i), pools)
  log(`${references} stories through the Local API (the reference for the bulk rows)`)
  if (count <= references) return

  const started = Date.now()
  const bulkIds = await insertInBulk(db, references, count, pools)
  log(`${bulkIds.length} stories inserted in bulk in ${Date.now() - started} ms`)

  const indexed = Date.now()
  const rows = await reindexAll(payload, (line) => log(`search index: ${line}`), undefined, 2000)
  log(`search index of ${rows} documents rebuilt in ${Date.now() - indexed} ms`)

  await checkBulkRows(db, references)
}

async function createWithLocalApi(payload: Payload, story: SyntheticStory, { topicIds, internIds }: Pools) {
  const quoteIds: number[] = []
  for (const quote of story.quotes) {
    const doc = await payload.create({
      collection: 'quotes',
      data: {
        text: quote.text,
        speaker: { relationTo: 'interns', value: internIds[quote.intern] as number },
      },
      overrideAccess: true,
      context,
      depth: 0,
    })
    quoteIds.push(sqliteRowId(doc.id))
  }
  const article = await payload.create({
    collection: 'articles',
    data: {
      title: story.title,
      slug: story.slug,
      lead: story.lead,
      body: storyBody(story, quoteIds),
      featuredQuote: quoteIds[0],
      topics: [topicIds[story.topic] as number],
      interns: story.interns.map((k) => internIds[k] as number),
      publishedAt: story.publishedAt,
      _status: 'published',
    },
    overrideAccess: true,
    context,
    depth: 0,
  })
  // As the seed does: each quote points back to its story (which also reindexes the story).
  for (const id of quoteIds) {
    await payload.update({
      collection: 'quotes',
      id,
      data: { article: article.id },
      overrideAccess: true,
      context,
    })
  }
}

type Value = string | number | null
type Statement = { sql: string; args: Value[] }
type Row = Record<string, Value>

/** Multi-row INSERTs, a few hundred rows each, well under SQLite's limit of bound parameters. */
function inserts(table: string, rows: Row[], perStatement = 300): Statement[] {
  const first = rows[0]
  if (!first) return []
  const columns = Object.keys(first)
  const statements: Statement[] = []
  for (let at = 0; at < rows.length; at += perStatement) {
    const chunk = rows.slice(at, at + perStatement)
    const tuple = `(${columns.map(() => '?').join(', ')})`
    statements.push({
      sql: `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')}`,
      args: chunk.flatMap((row) => columns.map((c) => row[c] ?? null)),
    })
  }
  return statements
}

async function maxId(db: SQLiteAdapter, table: string): Promise<number> {
  const result = await db.client.execute(`SELECT coalesce(max(id), 0) AS id FROM "${table}"`)
  return Number(result.rows[0]?.id ?? 0)
}

/**
 * The rows the Local API writes for one published story (see the note on `seedSynthetic`), except
 * `search_index`, which is filled afterwards. Relationship rows carry no id: SQLite assigns it.
 */
export function storyRows(
  story: SyntheticStory,
  ids: { article: number; version: number; quotes: number[] },
  { topicIds, internIds }: Pools,
  now: string,
) {
  const body = JSON.stringify(storyBody(story, ids.quotes))
  const topics = [topicIds[story.topic] as number]
  const interns = story.interns.map((k) => internIds[k] as number)
  const featured = ids.quotes[0] ?? null
  const relations = (prefix: string, parent: number): Row[] => [
    ...topics.map((id, k) => ({
      order: k + 1,
      parent_id: parent,
      path: `${prefix}topics`,
      topics_id: id,
      interns_id: null,
    })),
    ...interns.map((id, k) => ({
      order: k + 1,
      parent_id: parent,
      path: `${prefix}interns`,
      topics_id: null,
      interns_id: id,
    })),
  ]
  return {
    articles: [
      {
        id: ids.article,
        title: story.title,
        slug: story.slug,
        lead: story.lead,
        body,
        featured_quote_id: featured,
        published_at: story.publishedAt,
        updated_at: now,
        created_at: now,
        _status: 'published',
      },
    ],
    articles_rels: relations('', ids.article),
    _articles_v: [
      {
        id: ids.version,
        parent_id: ids.article,
        version_title: story.title,
        version_slug: story.slug,
        version_lead: story.lead,
        version_body: body,
        version_featured_quote_id: featured,
        version_published_at: story.publishedAt,
        version_updated_at: now,
        version_created_at: now,
        version__status: 'published',
        created_at: now,
        updated_at: now,
        latest: 1,
        autosave: 0,
      },
    ],
    _articles_v_rels: relations('version.', ids.version),
    quotes: story.quotes.map((quote, k) => ({
      id: ids.quotes[k] as number,
      text: quote.text,
      article_id: ids.article,
      updated_at: now,
      created_at: now,
    })),
    quotes_rels: story.quotes.map((quote, k) => ({
      order: null,
      parent_id: ids.quotes[k] as number,
      path: 'speaker',
      interns_id: internIds[quote.intern] as number,
    })),
  }
}

type StoryRows = ReturnType<typeof storyRows>
const TABLES = [
  'articles',
  'articles_rels',
  '_articles_v',
  '_articles_v_rels',
  'quotes',
  'quotes_rels',
] as const

/** Inserts stories `from`..`to`-1 in one transaction; returns their article ids. */
async function insertInBulk(db: SQLiteAdapter, from: number, to: number, pools: Pools): Promise<number[]> {
  let article = await maxId(db, 'articles')
  let version = await maxId(db, '_articles_v')
  let quote = await maxId(db, 'quotes')
  const now = new Date().toISOString()
  const rows: { [T in (typeof TABLES)[number]]: Row[] } = {
    articles: [],
    articles_rels: [],
    _articles_v: [],
    _articles_v_rels: [],
    quotes: [],
    quotes_rels: [],
  }
  const ids: number[] = []
  for (let i = from; i < to; i++) {
    const story = syntheticStory(i)
    const quotes = story.quotes.map(() => ++quote)
    const storyRowSet: StoryRows = storyRows(
      story,
      { article: ++article, version: ++version, quotes },
      pools,
      now,
    )
    for (const table of TABLES) rows[table].push(...storyRowSet[table])
    ids.push(article)
  }
  // A story and its quotes point at each other, so foreign keys are checked at commit, not per row.
  await db.client.batch(
    [
      { sql: 'PRAGMA defer_foreign_keys = ON', args: [] },
      ...TABLES.flatMap((table) => inserts(table, rows[table])),
    ],
    'write',
  )
  return ids
}

/**
 * Compares what the bulk writer would write for a reference story with what the Local API wrote for it,
 * ignoring only row ids and timestamps. Any other difference stops the benchmark.
 */
async function checkBulkRows(db: SQLiteAdapter, references: number): Promise<void> {
  // search_index is left out because the bulk rows get it afterwards, from the hook's own function.
  const ignored = new Set([
    'id',
    'created_at',
    'updated_at',
    'version_created_at',
    'version_updated_at',
    'search_index',
    'version_search_index',
  ])
  const select = async (sql: string, args: Value[]): Promise<Row[]> =>
    (await db.client.execute({ sql, args })).rows.map((row) => ({ ...row }) as Row)
  const pools = await poolIds(db)
  for (let i = 0; i < references; i++) {
    const story = syntheticStory(i)
    const [article] = (
      await db.client.execute({ sql: 'SELECT id FROM articles WHERE slug = ?', args: [story.slug] })
    ).rows
    const articleId = Number(article?.id)
    const [version] = (
      await db.client.execute({
        sql: 'SELECT id FROM _articles_v WHERE parent_id = ? AND latest = 1',
        args: [articleId],
      })
    ).rows
    const versionId = Number(version?.id)
    const quoteIds = (
      await db.client.execute({
        sql: 'SELECT id FROM quotes WHERE article_id = ? ORDER BY id',
        args: [articleId],
      })
    ).rows.map((r) => Number(r.id))
    const expected = storyRows(story, { article: articleId, version: versionId, quotes: quoteIds }, pools, '')
    const actual: Record<(typeof TABLES)[number], Row[]> = {
      articles: await select('SELECT * FROM articles WHERE id = ?', [articleId]),
      articles_rels: await select('SELECT * FROM articles_rels WHERE parent_id = ? ORDER BY id', [articleId]),
      _articles_v: await select('SELECT * FROM _articles_v WHERE id = ?', [versionId]),
      _articles_v_rels: await select('SELECT * FROM _articles_v_rels WHERE parent_id = ? ORDER BY id', [
        versionId,
      ]),
      quotes: await select(`SELECT * FROM quotes WHERE article_id = ? ORDER BY id`, [articleId]),
      quotes_rels: await select(
        'SELECT * FROM quotes_rels WHERE parent_id IN (SELECT id FROM quotes WHERE article_id = ?) ORDER BY parent_id',
        [articleId],
      ),
    }
    for (const table of TABLES) {
      // Empty columns are dropped on both sides, so a column the Local API fills and the bulk writer
      // leaves out is a difference too.
      const a = comparable(actual[table], ignored)
      const b = comparable(expected[table], ignored)
      if (a !== b) {
        throw new Error(
          `The bulk writer no longer matches the Local API for ${table} (story ${story.slug}):\n  Local API: ${a}\n  bulk:      ${b}`,
        )
      }
    }
  }
}

function comparable(rows: Row[], ignored: Set<string>): string {
  return JSON.stringify(
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(row)
          .filter(([column, value]) => value !== null && !ignored.has(column))
          .sort(([a], [b]) => a.localeCompare(b)),
      ),
    ),
  )
}

async function poolIds(db: SQLiteAdapter): Promise<Pools> {
  const bySlug = async (table: string, slugs: string[]) => {
    const rows = (await db.client.execute(`SELECT id, slug FROM "${table}"`)).rows
    const map = new Map(rows.map((r) => [String(r.slug), Number(r.id)]))
    return slugs.map((slug) => {
      const id = map.get(slug)
      if (id === undefined) throw new Error(`${table}: ${slug} is missing`)
      return id
    })
  }
  return {
    topicIds: await bySlug(
      'topics',
      syntheticTopics().map((t) => t.slug),
    ),
    internIds: await bySlug(
      'interns',
      syntheticInterns().map((t) => t.slug),
    ),
  }
}
