'use client'

import { useEffect } from 'react'
import { SearchForm } from '@/components/SearchForm'

/**
 * Shown when a page fails to render (a database that is down, say). Danish, with ways on; the details stay
 * in the server log, never on the page.
 */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string }
  reset: () => void
}) {
  useEffect(() => {
    // The digest lets the webmaster find the server-side log entry for this failure.
    console.error('Page error', error.digest ?? '')
  }, [error])
  return (
    <div className="container container--narrow section not-found">
      <p className="not-found__code">Fejl</p>
      <h1>Siden kunne ikke vises lige nu</h1>
      <p>
        Der opstod en fejl hos os, ikke hos dig. Prøv igen om lidt, eller find det, du leder efter, på en
        anden måde.
      </p>
      <p>
        <button type="button" className="button" onClick={() => reset()}>
          Prøv igen
        </button>
      </p>
      <SearchForm id="error-search" />
      <ul className="not-found__links">
        <li>
          <a href="/">Gå til forsiden</a>
        </li>
        <li>
          <a href="/historier">Se alle historier</a>
        </li>
      </ul>
      {error.digest ? <p className="empty">Fejlkode: {error.digest}</p> : null}
    </div>
  )
}
