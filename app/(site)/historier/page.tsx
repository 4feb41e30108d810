import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StoryListPage } from '@/components/StoryListPage'
import { PATHS } from '@/lib/cache-tags'
import { getStoriesPage } from '@/lib/data/articles'

export const metadata: Metadata = {
  title: 'Historier',
  description: 'Alle historier fra Faxe i Fællesskab, de nyeste først.',
  alternates: { canonical: PATHS.stories },
}

export default async function StoriesPage() {
  const data = await getStoriesPage(1)
  if (!data) notFound()
  return <StoryListPage data={data} />
}
