import { unstable_cache } from 'next/cache'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { queryIndex, type IndexRow, type SearchKind } from '@/lib/search-index'
import { highlightTerms, parseQuery, snippetAround, type ParsedQuery, type Segment } from '@/lib/search-text'

export const SEARCH_PAGE_SIZE = 10
/** Topics, people and pages are few: each group shows its best few, on the first page only. */
export const GROUP_SIZE = 5

export type SearchHit = {
  kind: SearchKind
  path: string
  date: string | null
  title: Segment[]
  /** The lead when the query is found there, else a snippet of the body (and quotes) around the match. */
  text: Segment[] | null
}

export type SearchGroup = { kind: SearchKind; hits: SearchHit[]; total: number }

export type SearchResults = {
  /** False when the query has no word to search for (only punctuation, say). */
  searchable: boolean
  stories: { hits: SearchHit[]; total: number; page: number; totalPages: number }
  /** Topics, interns, contacts and pages with matches, in that order (first page only). */
  groups: SearchGroup[]
}

const OTHER_KINDS: SearchKind[] = ['topic', 'intern', 'contact', 'page']

function toHit(row: IndexRow, parsed: ParsedQuery): SearchHit {
  const lead = row.lead ? highlightTerms(row.lead, parsed) : null
  let text = lead
  if (!lead?.some((s) => s.match) && row.body) {
    const body = highlightTerms(snippetAround(row.body, parsed), parsed)
    if (body.some((s) => s.match) || !lead) text = body
  }
  return { kind: row.kind, path: row.path, date: row.date, title: highlightTerms(row.title, parsed), text }
}

/**
 * What the search index (lib/search-index.ts) holds for `query`: stories ranked and paged with their
 * total, and on the first page the other kinds in groups. Only public documents are in the index at all
 * (published, or with consent), so nothing here can show what an anonymous reader may not see. Cached per
 * parsed query, so "Fællesskab" and "faellesskab" share an entry; every collection that feeds the index
 * clears it.
 */
export const search = (query: string, page: number): Promise<SearchResults> => {
  const parsed = parseQuery(query)
  return unstable_cache(
    async (): Promise<SearchResults> => {
      if (parsed.groups.length === 0) {
        return { searchable: false, stories: { hits: [], total: 0, page, totalPages: 1 }, groups: [] }
      }
      const payload = await payloadClient()
      // The stories' page and, on the first page only, the best few of each other kind (one query on SQLite).
      const [stories, ...others] = await queryIndex(payload, parsed, [
        { kind: 'story', limit: SEARCH_PAGE_SIZE, offset: (page - 1) * SEARCH_PAGE_SIZE },
        ...(page === 1 ? OTHER_KINDS.map((kind) => ({ kind, limit: GROUP_SIZE, offset: 0 })) : []),
      ])
      return {
        searchable: true,
        stories: {
          hits: stories!.rows.map((row) => toHit(row, parsed)),
          total: stories!.total,
          page,
          totalPages: Math.max(1, Math.ceil(stories!.total / SEARCH_PAGE_SIZE)),
        },
        groups: others.flatMap((result, i) =>
          result.total > 0
            ? [
                {
                  kind: OTHER_KINDS[i]!,
                  hits: result.rows.map((row) => toHit(row, parsed)),
                  total: result.total,
                },
              ]
            : [],
        ),
      }
    },
    ['search', JSON.stringify(parsed.groups.map((g) => [g.words, g.phrase, g.prefix])), String(page)],
    {
      tags: [
        TAGS.searchResults,
        TAGS.articles,
        TAGS.quotes,
        TAGS.topics,
        TAGS.interns,
        TAGS.contacts,
        TAGS.pages,
      ],
    },
  )()
}
