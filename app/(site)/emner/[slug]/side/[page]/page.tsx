import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { TopicPage } from '@/components/TopicPage'
import { topicPagePath } from '@/lib/paths'
import { getTopicPage } from '@/lib/data/topics'
import { pageParam, storySlugParam } from '@/lib/params'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ slug: string; page: string }> }

export async function generateStaticParams(): Promise<{ slug: string; page: string }[]> {
  return []
}

async function load(params: Props['params']) {
  const raw = await params
  const slug = storySlugParam(raw.slug)
  const page = pageParam(raw.page)
  return slug && page ? getTopicPage(slug, page) : null
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const data = await load(params)
  if (!data) return notFoundMetadata
  return pageMetadata({
    title: `${data.topic.name}, side ${data.page}`,
    description: `Historier om ${data.topic.name} fra Faxe i Fællesskab, side ${data.page}.`,
    path: topicPagePath(data.topic.slug, data.page),
  })
}

export default async function TopicSubPage({ params }: Props) {
  const data = await load(params)
  if (!data) notFound()
  return <TopicPage data={data} />
}
