import { PATHS } from '@/lib/paths'
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'

/** A plain GET form: works without JavaScript. */
export function SearchForm({ query, id = 'search-query' }: { query?: string; id?: string }) {
  return (
    <form action={PATHS.search} method="get" role="search" className="search-form">
      <label htmlFor={id}>Søg i historier og citater</label>
      <div className="search-form__row">
        <input
          id={id}
          name="q"
          type="search"
          defaultValue={query}
          maxLength={MAX_QUERY_LENGTH}
          autoComplete="off"
        />
        <button type="submit" className="button">
          Søg
        </button>
      </div>
    </form>
  )
}
