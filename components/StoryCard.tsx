import { MediaImage } from '@/components/MediaImage'
import { PATHS } from '@/lib/paths'
import type { StoryCardView } from '@/lib/data/types'
import { formatDanishDate } from '@/lib/format'

type Props = { story: StoryCardView; headingLevel?: 'h2' | 'h3'; showQuote?: boolean }

export function StoryCard({ story, headingLevel: Heading = 'h2', showQuote = false }: Props) {
  const date = formatDanishDate(story.publishedAt)
  return (
    <article className="story-card">
      {story.image ? (
        <MediaImage
          image={story.image}
          className="story-card__image"
          sizes="(min-width: 72em) 22rem, (min-width: 48em) 45vw, 100vw"
        />
      ) : null}
      <Heading className="story-card__title">
        <a href={PATHS.story(story.slug)}>{story.title}</a>
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
