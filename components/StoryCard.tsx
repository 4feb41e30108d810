import Link from 'next/link'
import { PATHS } from '@/lib/cache-tags'
import type { StoryCardView } from '@/lib/data/types'
import { formatDanishDate } from '@/lib/format'

type Props = { story: StoryCardView; headingLevel?: 'h2' | 'h3'; showQuote?: boolean }

export function StoryCard({ story, headingLevel: Heading = 'h2', showQuote = false }: Props) {
  const date = formatDanishDate(story.publishedAt)
  return (
    <article className="story-card">
      <Heading className="story-card__title">
        <Link href={PATHS.story(story.slug)}>{story.title}</Link>
      </Heading>
      {date && story.publishedAt ? (
        <p className="story-card__meta">
          <time dateTime={story.publishedAt}>{date}</time>
        </p>
      ) : null}
      {story.lead ? <p className="story-card__lead">{story.lead}</p> : null}
      {showQuote && story.featuredQuote ? (
        <blockquote className="story-card__quote">
          <p>»{story.featuredQuote.text}«</p>
          {story.featuredQuote.attribution ? <footer>{story.featuredQuote.attribution}</footer> : null}
        </blockquote>
      ) : null}
    </article>
  )
}
