import Link from 'next/link'
import { PATHS } from '@/lib/cache-tags'
import type { LinkView } from '@/lib/data/types'

type Props = { siteName: string; navigation: LinkView[] }

export function SiteHeader({ siteName, navigation }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__name">
          {siteName}
        </Link>
        <nav aria-label="Hovedmenu">
          <ul className="site-nav">
            {navigation.map((item) => (
              <li key={`${item.href}-${item.label}`}>
                <Link href={item.href}>{item.label}</Link>
              </li>
            ))}
            <li>
              <Link href={PATHS.search}>Søg</Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
