import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { SearchResultsPage } from '@/components/SearchResultsPage'
import { search } from '@/lib/data/search'
import { parseSearchResultsParams } from '@/lib/search'
import { notFoundMetadata, searchMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ query: string; side: string }> }

/**
 * One search, as proxy.ts rewrites `/soeg?q=…&side=…` (lib/search.ts `searchResultsPath`). Rendered on the
 * first request and then served from the cache until a change to what the search reads expires it (the
 * tags of lib/data/search.ts); one entry per search, kept in memory only (lib/shared-cache/handler.ts).
 */
export async function generateStaticParams(): Promise<{ query: string; side: string }[]> {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { query, side } = await params
  const parsed = parseSearchResultsParams(query, side)
  return parsed ? searchMetadata(parsed.q) : notFoundMetadata
}

export default async function SearchResultsRoute({ params }: Props) {
  const { query, side } = await params
  const parsed = parseSearchResultsParams(query, side)
  if (!parsed) notFound()
  return <SearchResultsPage q={parsed.q} results={await search(parsed.q, parsed.side)} />
}
