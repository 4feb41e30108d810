import type { Metadata } from 'next'
import type { ImageView } from '@/lib/data/types'

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

export const notFoundMetadata: Metadata = { title: 'Siden findes ikke', robots: { index: false } }
