import type { Metadata } from 'next'
import type { ImageView, SeoView } from '@/lib/data/types'
import { PATHS } from '@/lib/paths'

export const SITE_NAME = 'Faxe i Fællesskab'

type PageMeta = {
  title: string
  description: string
  /** The page's own path; the canonical URL is SITE_URL + path (metadataBase is set in the layout). */
  path: string
  image?: ImageView | null
  type?: 'website' | 'article'
  publishedTime?: string | null
  modifiedTime?: string | null
}

/** Title, description, canonical URL, Open Graph and Twitter card for one page, from one place. */
export function pageMetadata({
  title,
  description,
  path,
  image,
  type = 'website',
  publishedTime,
  modifiedTime,
}: PageMeta): Metadata {
  const images = image
    ? [{ url: image.url, width: image.width, height: image.height, alt: image.alt }]
    : undefined
  return {
    title,
    description,
    alternates: { canonical: path },
    openGraph: {
      title,
      description,
      url: path,
      siteName: SITE_NAME,
      locale: 'da_DK',
      type,
      ...(type === 'article' && publishedTime ? { publishedTime } : {}),
      ...(type === 'article' && modifiedTime ? { modifiedTime } : {}),
      ...(images ? { images } : {}),
    },
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      description,
      ...(images ? { images: images.map((i) => i.url) } : {}),
    },
  }
}

/**
 * Title, description and share image of a document with the `seo` group: the editor's overrides, else the
 * document's own title and lead (fields/seo.ts). Stories and free pages alike.
 */
export function seoMetadata(doc: {
  title: string
  lead: string | null
  seo: SeoView
}): Pick<PageMeta, 'title' | 'description' | 'image'> {
  return {
    title: doc.seo.title ?? doc.title,
    description: doc.seo.description ?? doc.lead ?? doc.title,
    image: doc.seo.image,
  }
}

export const notFoundMetadata: Metadata = { title: 'Siden findes ikke', robots: { index: false } }

/** The search page, with or without a query; both of its addresses name /soeg as canonical. */
export function searchMetadata(q: string | undefined): Metadata {
  return {
    title: q ? `Søgning: ${q}` : 'Søg',
    description:
      'Søg i historier, citater, emner, praktikanter, kontaktpersoner og sider fra Faxe i Fællesskab.',
    alternates: { canonical: PATHS.search },
    // Result pages are endless variations of one page; only the empty search page is worth indexing.
    robots: q ? { index: false, follow: true } : undefined,
  }
}
