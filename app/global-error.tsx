'use client'

import { useEffect } from 'react'
import { BareFrame } from '@/components/BareFrame'
import { WaysOn } from '@/components/WaysOn'
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
        <BareFrame>
          <div className="container container--narrow section not-found">
            <p className="not-found__code">Fejl</p>
            <h1>Siden kunne ikke vises lige nu</h1>
            <p>
              Der opstod en fejl hos os, ikke hos dig. Prøv at hente siden igen om lidt, eller find det, du
              leder efter, på en anden måde.
            </p>
            <WaysOn searchId="global-error-search" contact />
            {error.digest ? <p className="empty">Fejlkode: {error.digest}</p> : null}
          </div>
        </BareFrame>
      </body>
    </html>
  )
}
