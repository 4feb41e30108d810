import { JsonLd } from '@/components/JsonLd'
import { PATHS } from '@/lib/paths'
import { env } from '@/lib/env'
import { breadcrumbJsonLd, type Crumb } from '@/lib/seo/structured-data'

/**
 * "Du er her": the trail from the front page to this one, shown to readers and given to search engines as
 * a BreadcrumbList with the same steps. The front page is always the first step; the last is this page.
 */
export function Breadcrumbs({ trail }: { trail: readonly Crumb[] }) {
  const crumbs: Crumb[] = [{ name: 'Forside', path: PATHS.home }, ...trail]
  return (
    <>
      <nav className="breadcrumbs container" aria-label="Brødkrummesti">
        <ol>
          {crumbs.map((crumb, index) =>
            index === crumbs.length - 1 ? (
              <li key={crumb.path} aria-current="page">
                {crumb.name}
              </li>
            ) : (
              <li key={crumb.path}>
                <a href={crumb.path}>{crumb.name}</a>
              </li>
            ),
          )}
        </ol>
      </nav>
      <JsonLd data={breadcrumbJsonLd(crumbs, env().siteUrl)} />
    </>
  )
}
