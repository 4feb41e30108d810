import type { Metadata } from 'next'
import Link from 'next/link'
import { SearchForm } from '@/components/SearchForm'
import { SearchResults } from '@/components/SearchResults'
import { PATHS } from '@/lib/paths'
import { search } from '@/lib/data/search'
import { parseSearchParams } from '@/lib/search'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams)
  const q = parsed.ok ? parsed.value.q : undefined
  return {
    title: q ? `Søgning: ${q}` : 'Søg',
    description:
      'Søg i historier, citater, emner, praktikanter, kontaktpersoner og sider fra Faxe i Fællesskab.',
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
          {parsed.message}
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
          Søg i titler, manchetter, brødtekst og citater fra alle historier, og i emner, praktikanter,
          kontaktpersoner og sider. Store og små bogstaver er lige gode, æ, ø og å kan også skrives ae, oe og
          aa, og »praktikant« finder også »praktikanter«. Sæt anførselstegn om ord, der skal stå lige efter
          hinanden, fx &quot;struktureret program&quot;.
        </p>
        <SearchForm />
        <p>
          Eller se <Link href={PATHS.stories}>alle historier</Link> og{' '}
          <Link href={PATHS.interns}>innovationspraktikanterne</Link>.
        </p>
      </div>
    )
  }
  const results = await search(q, side)
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
