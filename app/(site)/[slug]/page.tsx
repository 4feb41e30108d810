import type { Metadata } from 'next'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { RichText } from '@/components/RichText'
import { PATHS } from '@/lib/paths'
import { PreviewBanner } from '@/components/PreviewBanner'
import { getPageBySlug, getPageDraft } from '@/lib/data/pages'
import { previewingEditor } from '@/lib/data/preview'
import { notFoundOrRedirect } from '@/lib/data/redirects'
import { storySlugParam } from '@/lib/params'
import { notFoundMetadata, pageMetadata, seoMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ slug: string }> }

// Free pages render on first request and stay cached until the editor changes them.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

/** The published page, or the newest draft when an editor is previewing. */
async function load(params: Props['params']) {
  const slug = storySlugParam((await params).slug)
  if (!slug) return null
  const editor = await previewingEditor()
  return editor ? getPageDraft(slug, editor) : getPageBySlug(slug)
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = await load(params)
  if (!page) return notFoundMetadata
  return pageMetadata({ ...seoMetadata(page), path: PATHS.page(page.slug) })
}

export default async function FreePage({ params }: Props) {
  const page = await load(params)
  // An address from the old site, or the old slug of a page, may have a redirect.
  if (!page) return notFoundOrRedirect(`/${(await params).slug}`)
  const preview = (await previewingEditor()) !== null
  return (
    <>
      {preview ? <PreviewBanner path={PATHS.page(page.slug)} /> : null}
      <Breadcrumbs trail={[{ name: page.title, path: PATHS.page(page.slug) }]} />
      <article className="container container--narrow section">
        <h1>{page.title}</h1>
        {page.lead ? <p className="story__lead">{page.lead}</p> : null}
        {page.body ? <RichText className="prose" data={page.body} quotes={{}} /> : null}
      </article>
    </>
  )
}
