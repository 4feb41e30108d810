import Link from 'next/link'
import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import type { SearchResults as Results } from '@/lib/data/search'
import { PATHS } from '@/lib/paths'

function searchHref(q: string, page: number): string {
  const params = new URLSearchParams({ q })
  if (page > 1) params.set('side', String(page))
  return `${PATHS.search}?${params.toString()}`
}

/** The answer to a search: the count, the stories' page with its pagination, and the other groups. */
export function SearchResultsPage({ q, results }: { q: string; results: Results }) {
  const { stories } = results
  const others = results.groups.reduce((n, g) => n + g.total, 0)
  return (
    <div className="container container--narrow section">
      <h1>Søg</h1>
      <SearchForm query={q} />
      <p role="status" className="search-summary">
        {!results.searchable
          ? `»${q}« indeholder ingen ord at søge efter. Skriv et eller flere ord.`
          : stories.total === 0
            ? `Ingen historier matcher »${q}«.`
            : `${stories.total} ${stories.total === 1 ? 'historie' : 'historier'} matcher »${q}«.`}
        {others > 0 ? ` Desuden ${others} ${others === 1 ? 'andet resultat' : 'andre resultater'}.` : ''}
      </p>
      {results.searchable && stories.total === 0 && others === 0 ? (
        <p>
          Prøv et andet ord, eller se <Link href={PATHS.stories}>alle historier</Link>.
        </p>
      ) : null}
      {stories.total > 0 && stories.hits.length === 0 ? (
        <p>
          Der er ikke så mange sider. <Link href={searchHref(q, 1)}>Gå til første side</Link>.
        </p>
      ) : null}
      <SearchResults results={results} />
      {stories.totalPages > 1 ? (
        <nav className="pagination" aria-label="Sider med søgeresultater">
          {stories.page > 1 ? (
            <Link href={searchHref(q, Math.min(stories.page, stories.totalPages + 1) - 1)}>← Forrige</Link>
          ) : (
            <span />
          )}
          <span aria-current="page">{`Side ${stories.page} af ${stories.totalPages}`}</span>
          {stories.page < stories.totalPages ? (
            <Link href={searchHref(q, stories.page + 1)}>Næste →</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  )
}
