import type { ReactNode } from 'react'
import { PATHS } from '@/lib/paths'

/**
 * The frame of the pages that stand without the site's layout (the global 404 and the global error page):
 * the skip link, the site's name and the main region. Plain links only, since the router may be what broke.
 */
export function BareFrame({ children }: { children: ReactNode }) {
  return (
    <>
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
        {children}
      </main>
    </>
  )
}
