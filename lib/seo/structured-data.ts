import type {
  BreadcrumbList,
  NewsArticle,
  Organization,
  Person,
  PostalAddress,
  SearchAction,
  WebSite,
  WithContext,
} from 'schema-dts'
import { PATHS } from '@/lib/paths'
import type { FooterView, InternView, SiteView, StoryView } from '@/lib/data/types'

/**
 * schema.org structured data for the site's pages, typed with `schema-dts` so a misspelt property or a
 * wrong value type fails `npm run typecheck`. tests/int/structured-data.int.test.ts checks the shape of
 * every block the pages actually print.
 */

/** A step of the visible breadcrumb trail; the current page is the last one. */
export type Crumb = { name: string; path: string }

const ORGANISATION_NAME = 'Faxe Kommune'

const organisationId = (origin: string) => `${origin}/#organisation`
const websiteId = (origin: string) => `${origin}/#website`

/**
 * The footer's address line ("Faxe Kommune | Frederiksgade 9 | 4690 Haslev") as a PostalAddress: a part
 * that starts with a four-digit Danish postcode is postcode and town, the organisation's own name is left
 * out, and what remains is the street. Nothing is added that the editor did not write.
 */
export function postalAddress(parts: readonly string[]): PostalAddress | null {
  let postalCode: string | undefined
  let addressLocality: string | undefined
  const street: string[] = []
  for (const part of parts) {
    const town = /^(\d{4})\s+(.+)$/.exec(part)
    if (town) {
      postalCode = town[1]
      addressLocality = town[2]
    } else if (part !== ORGANISATION_NAME) {
      street.push(part)
    }
  }
  if (!postalCode && street.length === 0) return null
  return {
    '@type': 'PostalAddress',
    ...(street.length > 0 ? { streetAddress: street.join(', ') } : {}),
    ...(postalCode ? { postalCode } : {}),
    ...(addressLocality ? { addressLocality } : {}),
    addressCountry: 'DK',
  }
}

/** Faxe Kommune, which runs the programme and the site, with the address the footer shows. */
export function organisationJsonLd(footer: FooterView, origin: string): WithContext<Organization> {
  const address = postalAddress(footer.addressParts)
  return {
    '@context': 'https://schema.org',
    '@type': 'GovernmentOrganization',
    '@id': organisationId(origin),
    name: ORGANISATION_NAME,
    ...(address ? { address } : {}),
  }
}

/** Google's sitelinks search box reads `query-input`, which schema-dts does not know as a property. */
type SearchActionWithInput = SearchAction & { 'query-input': string }

/** The site, with the search at /soeg as its SearchAction. */
export function websiteJsonLd(site: SiteView, origin: string): WithContext<WebSite> {
  const search: SearchActionWithInput = {
    '@type': 'SearchAction',
    target: { '@type': 'EntryPoint', urlTemplate: `${origin}${PATHS.search}?q={search_term_string}` },
    'query-input': 'required name=search_term_string',
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'WebSite',
    '@id': websiteId(origin),
    name: site.name,
    url: `${origin}/`,
    inLanguage: 'da-DK',
    ...(site.description ? { description: site.description } : {}),
    publisher: { '@id': organisationId(origin) },
    potentialAction: search,
  }
}

/** The trail the page shows (components/Breadcrumbs.tsx), with absolute addresses. */
export function breadcrumbJsonLd(crumbs: readonly Crumb[], origin: string): WithContext<BreadcrumbList> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: `${origin}${crumb.path}`,
    })),
  }
}

/** A Person node (schema-dts's `Person` also allows a bare IRI string). */
type PersonNode = Exclude<Person, string>

/** An intern as a Person: what the public page shows, nothing more. */
export function internPersonJsonLd(intern: InternView, origin: string): PersonNode {
  return {
    '@type': 'Person',
    name: intern.name,
    ...(intern.role ? { jobTitle: intern.role } : {}),
    ...(intern.organisation ? { worksFor: { '@type': 'Organization', name: intern.organisation } } : {}),
    ...(intern.slug ? { url: `${origin}${PATHS.intern(intern.slug)}` } : {}),
  }
}

/** The intern's own page: a Person with the context. */
export function internPageJsonLd(intern: InternView, origin: string): WithContext<PersonNode> {
  return { '@context': 'https://schema.org', ...internPersonJsonLd(intern, origin) }
}

/** schema.org NewsArticle for a story: Faxe Kommune as author and publisher, the quoted people as Persons. */
export function storyJsonLd(story: StoryView, origin: string): WithContext<NewsArticle> {
  const url = `${origin}${PATHS.story(story.slug)}`
  const mentioned = new Map<string, Person>()
  for (const quote of Object.values(story.quotes)) {
    if (!quote.speakerName) continue
    mentioned.set(quote.speakerName, {
      '@type': 'Person',
      name: quote.speakerName,
      ...(quote.speakerHref ? { url: `${origin}${quote.speakerHref}` } : {}),
    })
  }
  for (const intern of story.interns) mentioned.set(intern.name, internPersonJsonLd(intern, origin))
  const publisher: Organization = {
    '@type': 'GovernmentOrganization',
    '@id': organisationId(origin),
    name: ORGANISATION_NAME,
  }
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: story.title,
    ...(story.lead ? { description: story.lead } : {}),
    inLanguage: 'da-DK',
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    ...(story.publishedAt ? { datePublished: story.publishedAt } : {}),
    dateModified: story.contentUpdatedAt ?? story.publishedAt ?? story.updatedAt,
    ...(story.image ? { image: [`${origin}${story.image.url}`] } : {}),
    author: publisher,
    publisher,
    ...(mentioned.size > 0 ? { mentions: [...mentioned.values()] } : {}),
    ...(story.topics.length > 0 ? { keywords: story.topics.map((t) => t.name).join(', ') } : {}),
  }
}
