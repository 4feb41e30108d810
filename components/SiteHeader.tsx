import Link from 'next/link'
import type { LinkView } from '@/lib/data/types'

type Props = { siteName: string; navigation: LinkView[] }

export function SiteHeader({ siteName, navigation }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <Link href="/" className="site-header__name">
          {siteName}
        </Link>
        {navigation.length > 0 ? (
          <nav aria-label="Hovedmenu">
            <ul className="site-nav">
              {navigation.map((item) => (
                <li key={`${item.href}-${item.label}`}>
                  <Link href={item.href}>{item.label}</Link>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </div>
    </header>
  )
}
