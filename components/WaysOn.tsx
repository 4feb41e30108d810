import { SearchForm } from '@/components/SearchForm'
import { PATHS } from '@/lib/paths'

/**
 * Where a reader can go from a page that could not show what they asked for (the 404 and the error page):
 * a search box and plain links, which work without the router.
 */
export function WaysOn({ searchId, contact = false }: { searchId: string; contact?: boolean }) {
  return (
    <>
      <SearchForm id={searchId} />
      <ul className="not-found__links">
        <li>
          <a href={PATHS.home}>Gå til forsiden</a>
        </li>
        <li>
          <a href={PATHS.stories}>Se alle historier</a>
        </li>
        {contact ? (
          <li>
            <a href={PATHS.contact}>Kontakt Faxe i Fællesskab</a>
          </li>
        ) : null}
      </ul>
    </>
  )
}
