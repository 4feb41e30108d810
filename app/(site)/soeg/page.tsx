import type { Metadata } from 'next'
import Link from 'next/link'
import { Highlighted } from '@/components/Highlighted'
import { SearchForm } from '@/components/SearchForm'
import { PATHS } from '@/lib/cache-tags'
import { searchStories } from '@/lib/data/search'
import { formatDanishDate } from '@/lib/format'
import { parseSearchParams } from '@/lib/search'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams)
  const q = parsed.ok ? parsed.value.q : undefined
  return {
    title: q ? `Søgning: ${q}` : 'Søg',
    description: 'Søg i historier og citater fra Faxe i Fællesskab.',
    alternates: { canonical: PATHS.search },
    // Result pages are endless variations of one page; only the empty search page is worth indexing.
    robots: q ? { index: false, follow: true } : undefined,
  }
}

function searchHref(q: string, page: number): string {
  const params = new URLSearchParams({ q })
  if (page > 1) params.set('side', String(page))
  return `${PATHS.search}?${params.toString()}`
}

export default async function SearchPage({ searchParams }: Props) {
  const parsed = parseSearchParams(await searchParams)
  if (!parsed.ok) {
    return (
      <div className="container container--narrow section">
        <h1>Søg</h1>
        <p className="form-error" role="alert">
          {parsed.message} Prøv med færre ord.
        </p>
        <SearchForm />
      </div>
    )
  }
  const { q, side } = parsed.value
  if (!q) {
    return (
      <div className="container container--narrow section">
        <h1>Søg</h1>
        <p className="page-intro">
          Søg i titler, manchetter, brødtekst og citater fra alle historier. Store og små bogstaver er lige
          gode, og æ, ø og å virker, som du skriver dem.
        </p>
        <SearchForm />
        <p>
          Eller se <Link href={PATHS.stories}>alle historier</Link> og{' '}
          <Link href={PATHS.interns}>innovationspraktikanterne</Link>.
        </p>
      </div>
    )
  }
  const results = await searchStories(q, side)
  return (
    <div className="container container--narrow section">
      <h1>Søg</h1>
      <SearchForm query={q} />
      <p role="status" className="search-summary">
        {results.total === 0
          ? `Ingen historier matcher »${q}«.`
          : `${results.capped ? 'Mere end ' : ''}${results.total} ${results.total === 1 ? 'historie' : 'historier'} matcher »${q}«.`}
      </p>
      {results.total === 0 ? (
        <p>
          Prøv et andet ord, eller se <Link href={PATHS.stories}>alle historier</Link>.
        </p>
      ) : (
        <ol className="search-results">
          {results.hits.map((hit) => {
            const date = formatDanishDate(hit.publishedAt)
            return (
              <li key={hit.id}>
                <h2 className="search-results__title">
                  <Link href={PATHS.story(hit.slug)}>
                    <Highlighted text={hit.title} query={q} />
                  </Link>
                </h2>
                {date && hit.publishedAt ? (
                  <p className="story-card__meta">
                    <time dateTime={hit.publishedAt}>{date}</time>
                  </p>
                ) : null}
                {hit.lead ? (
                  <p>
                    <Highlighted text={hit.lead} query={q} />
                  </p>
                ) : null}
                {hit.excerpt ? (
                  <p className="search-results__excerpt">
                    <Highlighted text={hit.excerpt} query={q} />
                  </p>
                ) : null}
              </li>
            )
          })}
        </ol>
      )}
      {results.totalPages > 1 ? (
        <nav className="pagination" aria-label="Sider med søgeresultater">
          {results.page > 1 ? <Link href={searchHref(q, results.page - 1)}>← Forrige</Link> : <span />}
          <span aria-current="page">
            Side {results.page} af {results.totalPages}
          </span>
          {results.page < results.totalPages ? (
            <Link href={searchHref(q, results.page + 1)}>Næste →</Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  )
}
