import type { Metadata } from 'next'
import { NotFoundContent } from '@/components/NotFoundContent'
import './(site)/site.css'

// Answers addresses that match no route at all; it has no layout around it, so it brings its own frame.
export const metadata: Metadata = { title: 'Siden findes ikke · Faxe i Fællesskab', robots: { index: false } }

export default function GlobalNotFound() {
  return (
    <html lang="da">
      <body>
        <a className="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <header className="site-header">
          <div className="container site-header__inner">
            <a href="/" className="site-header__name">
              Faxe i Fællesskab
            </a>
          </div>
        </header>
        <main id="indhold" tabIndex={-1}>
          <NotFoundContent />
        </main>
      </body>
    </html>
  )
}
