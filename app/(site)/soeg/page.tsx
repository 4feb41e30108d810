import type { Metadata } from 'next'
import Link from 'next/link'
import { SearchForm } from '@/components/SearchForm'
import { SearchResultsPage } from '@/components/SearchResultsPage'
import { PATHS } from '@/lib/paths'
import { search } from '@/lib/data/search'
import { parseSearchParams } from '@/lib/search'
import { searchMetadata } from '@/lib/seo/metadata'

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> }

/**
 * /soeg without a query, or with one it cannot take (the message says why). A valid search is rewritten by
 * proxy.ts to soeg/resultat/[query]/[side], where its page is cached; rendered here only if it comes past
 * the proxy all the same.
 */
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const parsed = parseSearchParams(await searchParams)
  return searchMetadata(parsed.ok ? parsed.value.q : undefined)
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
  return <SearchResultsPage q={q} results={await search(q, side)} />
}
