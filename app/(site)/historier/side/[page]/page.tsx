import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StoryListPage } from '@/components/StoryListPage'
import { storiesPagePath } from '@/lib/paths'
import { getStoriesPage } from '@/lib/data/articles'
import { pageParam } from '@/lib/params'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ page: string }> }

// Rendered on first request and cached until a story changes.
export async function generateStaticParams(): Promise<{ page: string }[]> {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const page = pageParam((await params).page)
  if (!page) return notFoundMetadata
  return pageMetadata({
    title: `Historier, side ${page}`,
    description: `Historier fra Faxe i Fællesskab om innovation og udvikling, side ${page}.`,
    path: storiesPagePath(page),
  })
}

export default async function StoriesSubPage({ params }: Props) {
  const page = pageParam((await params).page)
  const data = page ? await getStoriesPage(page) : null
  if (!data) notFound()
  return <StoryListPage data={data} />
}
