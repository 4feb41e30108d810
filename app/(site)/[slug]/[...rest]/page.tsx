import type { Metadata } from 'next'
import { notFoundOrRedirect } from '@/lib/data/redirects'
import { notFoundMetadata } from '@/lib/seo/metadata'

/**
 * Every deeper address the site's own routes do not take (/nyheder/2019/..., /historier/a/b): a redirect
 * the editor made for an address from the old site, or else the 404 page. Nothing lives here, so there is
 * nothing to cache: rendered per request, which also gives the 404 page whole in the HTML.
 */
export const dynamic = 'force-dynamic'

type Props = { params: Promise<{ slug: string; rest: string[] }> }

export const metadata: Metadata = notFoundMetadata

export default async function UnknownAddress({ params }: Props) {
  const { slug, rest } = await params
  return notFoundOrRedirect(`/${[slug, ...rest].join('/')}`)
}
