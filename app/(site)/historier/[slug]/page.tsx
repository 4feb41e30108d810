import type { Metadata } from 'next'
import { ContactBox } from '@/components/ContactBox'
import { PeopleList } from '@/components/PeopleList'
import { PullQuote } from '@/components/PullQuote'
import { RichText } from '@/components/RichText'
import { StoryCard } from '@/components/StoryCard'
import { VisionSection } from '@/components/VisionSection'
import { PATHS } from '@/lib/paths'
import { getStoryBySlug, getStoryDraft } from '@/lib/data/articles'
import { notFoundOrRedirect } from '@/lib/data/redirects'
import { previewingEditor } from '@/lib/data/preview'
import { PreviewBanner } from '@/components/PreviewBanner'
import { getSite } from '@/lib/data/globals'
import { formatDanishDate } from '@/lib/format'
import { env } from '@/lib/env'
import { storySlugParam } from '@/lib/params'
import { storyJsonLd } from '@/lib/seo/structured-data'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { ShareLinks } from '@/components/ShareLinks'
import { notFoundMetadata, pageMetadata, seoMetadata } from '@/lib/seo/metadata'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'

type Props = { params: Promise<{ slug: string }> }

// Stories render on first request and are then served from the cache until a hook revalidates them.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

/** The published story, or the newest draft when an editor is previewing. */
async function load(slug: string) {
  const editor = await previewingEditor()
  return {
    preview: editor !== null,
    story: editor ? await getStoryDraft(slug, editor) : await getStoryBySlug(slug),
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = storySlugParam((await params).slug)
  const story = slug ? (await load(slug)).story : null
  if (!story) return notFoundMetadata
  return pageMetadata({
    ...seoMetadata(story),
    path: PATHS.story(story.slug),
    type: 'article',
    publishedTime: story.publishedAt,
    modifiedTime: story.contentUpdatedAt ?? story.publishedAt ?? story.updatedAt,
  })
}

export default async function StoryPage({ params }: Props) {
  const raw = (await params).slug
  const slug = storySlugParam(raw)
  // An old slug (changed after publication) or an address from the old site may have a redirect.
  if (!slug) return notFoundOrRedirect(`${PATHS.stories}/${raw}`)
  const [{ story, preview }, site] = await Promise.all([load(slug), getSite()])
  if (!story) return notFoundOrRedirect(`${PATHS.stories}/${raw}`)
  const date = formatDanishDate(story.publishedAt)
  // "Opdateret" only for a change of content after publication (collections/Articles/hooks/setContentUpdatedAt.ts).
  const updated =
    story.publishedAt && story.contentUpdatedAt && story.contentUpdatedAt > story.publishedAt
      ? formatDanishDate(story.contentUpdatedAt)
      : null
  const origin = env().siteUrl
  return (
    <>
      {preview ? <PreviewBanner path={PATHS.story(slug)} /> : null}
      <JsonLd data={storyJsonLd(story, origin)} />
      <Breadcrumbs
        trail={[
          { name: 'Historier', path: PATHS.stories },
          { name: story.title, path: PATHS.story(story.slug) },
        ]}
      />
      <article className="story">
        <header className="story__header container container--narrow">
          <p className="story__kicker">Historie</p>
          <h1>{story.title}</h1>
          {date && story.publishedAt ? (
            <p className="story__meta">
              Udgivet <time dateTime={story.publishedAt}>{date}</time>
              {updated && story.contentUpdatedAt ? (
                <>
                  {' · '}Opdateret <time dateTime={story.contentUpdatedAt}>{updated}</time>
                </>
              ) : null}
            </p>
          ) : null}
          {story.lead ? <p className="story__lead">{story.lead}</p> : null}
          {story.topics.length > 0 ? (
            <ul className="topic-list" aria-label="Emner">
              {story.topics.map((topic) => (
                <li key={topic.id}>
                  <a href={PATHS.topic(topic.slug)}>{topic.name}</a>
                </li>
              ))}
            </ul>
          ) : null}
        </header>
        {story.image ? (
          <figure className="story__hero container container--narrow">
            <MediaImage image={story.image} sizes="(min-width: 45rem) 42rem, 100vw" eager />
            {story.image.caption ? <figcaption>{story.image.caption}</figcaption> : null}
          </figure>
        ) : null}
        <div className="story__layout container container--narrow">
          {story.featuredQuote ? <PullQuote quote={story.featuredQuote} variant="pull" /> : null}
          {story.body ? <RichText className="prose" data={story.body} quotes={story.quotes} /> : null}
          <PeopleList interns={story.interns} />
          <ContactBox contacts={story.contacts} />
          <ShareLinks url={`${origin}${PATHS.story(story.slug)}`} title={story.title} />
          {story.related.length > 0 ? (
            <section className="related" aria-labelledby="relaterede">
              <h2 id="relaterede">Relaterede historier</h2>
              <div className="story-list">
                {story.related.map((card) => (
                  <StoryCard key={card.id} story={card} headingLevel="h3" />
                ))}
              </div>
            </section>
          ) : null}
        </div>
      </article>
      <VisionSection site={site} />
    </>
  )
}
