import { PATHS } from '@/lib/paths'
import type { LinkView } from '@/lib/data/types'

type Props = { siteName: string; navigation: LinkView[] }

export function SiteHeader({ siteName, navigation }: Props) {
  return (
    <header className="site-header">
      <div className="container site-header__inner">
        <a href="/" className="site-header__name">
          {siteName}
        </a>
        <nav aria-label="Hovedmenu">
          <ul className="site-nav">
            {navigation.map((item) => (
              <li key={`${item.href}-${item.label}`}>
                <a href={item.href}>{item.label}</a>
              </li>
            ))}
            <li>
              <a href={PATHS.search}>Søg</a>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  )
}
