import type { Metadata } from 'next'
import { notFound } from 'next/navigation'
import { StoryListPage } from '@/components/StoryListPage'
import { PATHS } from '@/lib/paths'
import { getStoriesPage } from '@/lib/data/articles'
import { pageMetadata } from '@/lib/seo/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Historier',
  description:
    'Alle historier fra Faxe i Fællesskab om innovation og udvikling i Faxe Kommune, de nyeste først.',
  path: PATHS.stories,
})

export default async function StoriesPage() {
  const data = await getStoriesPage(1)
  if (!data) notFound()
  return <StoryListPage data={data} />
}
