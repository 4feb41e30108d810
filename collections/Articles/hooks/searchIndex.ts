import { convertLexicalToPlaintext } from '@payloadcms/richtext-lexical/plaintext'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type {
  CollectionAfterReadHook,
  CollectionBeforeChangeHook,
  Payload,
  PayloadRequest,
  Where,
} from 'payload'
import type { Article } from '@/payload-types'
import { quoteIdsOf } from '@/lib/data/reshape'
import { normalizeForSearch } from '@/lib/search'

/**
 * `searchIndex`: the story's title, lead, body text and quotes as one normalised string, so /soeg can
 * match all of them with one condition. It is derived data: rebuilt on every save of the story, and
 * again when one of its quotes changes (see collections/Quotes.ts).
 */
export async function buildSearchIndex(
  payload: Payload,
  article: Pick<Article, 'id' | 'title' | 'lead' | 'body' | 'featuredQuote'>,
  req?: PayloadRequest,
): Promise<string> {
  const body = article.body ? convertLexicalToPlaintext({ data: article.body as SerializedEditorState }) : ''
  const ids = quoteIdsOf(article)
  const or: Where[] = []
  if (ids.length > 0) or.push({ id: { in: ids } })
  if (article.id) or.push({ article: { equals: article.id } })
  const quotes =
    or.length > 0
      ? await payload.find({
          collection: 'quotes',
          where: { or },
          depth: 0,
          limit: 200,
          pagination: false,
          overrideAccess: false,
          select: { text: true },
          req,
        })
      : { docs: [] }
  return normalizeForSearch(
    [article.title, article.lead ?? '', body, ...quotes.docs.map((q) => q.text)].join(' '),
  )
}

export const setSearchIndex: CollectionBeforeChangeHook<Article> = async ({ data, originalDoc, req }) => {
  const merged = { ...originalDoc, ...data } as Article
  return { ...data, searchIndex: await buildSearchIndex(req.payload, merged, req) }
}

/**
 * Rebuilds one story's index after one of its quotes changed. Written straight to the row: it is derived
 * data, and a regular update would add a version and could publish a pending draft.
 */
export async function reindexArticle(payload: Payload, id: number, req: PayloadRequest): Promise<void> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { id: { equals: id } },
    depth: 0,
    limit: 1,
    overrideAccess: false,
    req,
    select: { title: true, lead: true, body: true, featuredQuote: true },
  })
  const article = docs[0]
  if (!article) return
  const searchIndex = await buildSearchIndex(payload, article, req)
  await payload.db.updateOne({ collection: 'articles', id, data: { searchIndex }, req })
}

/**
 * The index is for querying only; it is never part of an API response. A collection hook, because a
 * field's afterRead hook that returns `undefined` leaves the stored value in place.
 */
export const stripSearchIndex: CollectionAfterReadHook<Article> = ({ doc }) => {
  delete (doc as Partial<Article>).searchIndex
  return doc
}
