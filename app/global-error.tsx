'use client'

import { useEffect } from 'react'
import { PATHS } from '@/lib/paths'
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'
import './(site)/site.css'

/**
 * Replaces the root layout when the layout itself fails (the database unreachable while a page renders for
 * the first time, say), so it brings its own <html> and frame. Plain links and a plain GET search form: the
 * router may be what broke, and every way on must work without it. The details stay in the server log.
 */
export default function GlobalError({ error }: { error: Error & { digest?: string } }) {
  useEffect(() => {
    // The digest lets the webmaster find the server-side log entry for this failure.
    console.error('Layout error', error.digest ?? '')
  }, [error])
  return (
    <html lang="da">
      <head>
        <title>Siden kunne ikke vises · Faxe i Fællesskab</title>
        <meta name="robots" content="noindex" />
      </head>
      <body>
        <a className="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <a href={PATHS.home} className="site-header__name">
              Faxe i Fællesskab
            </a>
          </div>
        </header>
        <main id="indhold" tabIndex={-1}>
          <div className="container container--narrow section not-found">
            <p className="not-found__code">Fejl</p>
            <h1>Siden kunne ikke vises lige nu</h1>
            <p>
              Der opstod en fejl hos os, ikke hos dig. Prøv at hente siden igen om lidt, eller find det, du
              leder efter, på en anden måde.
            </p>
            <form action={PATHS.search} method="get" role="search" className="search-form">
              <label htmlFor="global-error-search">Søg i historier og citater</label>
              <div className="search-form__row">
                <input
                  id="global-error-search"
                  name="q"
                  type="search"
                  maxLength={MAX_QUERY_LENGTH}
                  autoComplete="off"
                />
                <button type="submit" className="button">
                  Søg
                </button>
              </div>
            </form>
            <ul className="not-found__links">
              <li>
                <a href={PATHS.home}>Gå til forsiden</a>
              </li>
              <li>
                <a href={PATHS.stories}>Se alle historier</a>
              </li>
              <li>
                <a href={PATHS.contact}>Kontakt Faxe i Fællesskab</a>
              </li>
            </ul>
            {error.digest ? <p className="empty">Fejlkode: {error.digest}</p> : null}
          </div>
        </main>
      </body>
    </html>
  )
}
