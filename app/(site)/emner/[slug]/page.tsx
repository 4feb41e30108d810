import type { Metadata } from 'next'
import { notFoundOrRedirect } from '@/lib/data/redirects'
import { TopicPage } from '@/components/TopicPage'
import { PATHS } from '@/lib/paths'
import { getTopicPage } from '@/lib/data/topics'
import { storySlugParam } from '@/lib/params'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then cached until a topic or story changes.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = storySlugParam((await params).slug)
  const data = slug ? await getTopicPage(slug, 1) : null
  if (!data) return notFoundMetadata
  return pageMetadata({
    title: data.topic.name,
    description: data.topic.description ?? `Historier om ${data.topic.name} fra Faxe i Fællesskab.`,
    path: PATHS.topic(data.topic.slug),
  })
}

export default async function Topic({ params }: Props) {
  const raw = (await params).slug
  const slug = storySlugParam(raw)
  const data = slug ? await getTopicPage(slug, 1) : null
  if (!data) return notFoundOrRedirect(`${PATHS.topics}/${raw}`)
  return <TopicPage data={data} />
}
