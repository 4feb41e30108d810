import type { Metadata } from 'next'
import { notFoundOrRedirect } from '@/lib/data/redirects'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { JsonLd } from '@/components/JsonLd'
import { MediaImage } from '@/components/MediaImage'
import { PullQuote } from '@/components/PullQuote'
import { StoryCard } from '@/components/StoryCard'
import { PATHS } from '@/lib/paths'
import { getInternBySlug } from '@/lib/data/people'
import { env } from '@/lib/env'
import { storySlugParam } from '@/lib/params'
import { internPageJsonLd } from '@/lib/seo/structured-data'
import { notFoundMetadata, pageMetadata } from '@/lib/seo/metadata'

type Props = { params: Promise<{ slug: string }> }

// Rendered on first request, then cached until an intern, quote or story changes.
export async function generateStaticParams(): Promise<{ slug: string }[]> {
  return []
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = storySlugParam((await params).slug)
  const data = slug ? await getInternBySlug(slug) : null
  if (!data || !slug) return notFoundMetadata
  return pageMetadata({
    title: data.intern.name,
    description: `${data.intern.name}, ${data.intern.description}, besøgte Faxe Kommune.`,
    path: PATHS.intern(slug),
  })
}

export default async function InternPage({ params }: Props) {
  const raw = (await params).slug
  const slug = storySlugParam(raw)
  const data = slug ? await getInternBySlug(slug) : null
  if (!data || !slug) return notFoundOrRedirect(`${PATHS.interns}/${raw}`)
  const { intern, quotes, stories } = data
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: 'Praktikanter', path: PATHS.interns },
          { name: intern.name, path: PATHS.intern(slug) },
        ]}
      />
      <JsonLd data={internPageJsonLd(intern, env().siteUrl)} />
      <div className="container container--narrow section">
        <p className="story__kicker">Innovationspraktikant</p>
        <h1>{intern.name}</h1>
        {intern.photo ? (
          <MediaImage image={intern.photo} sizes="12rem" className="person-photo person-photo--large" eager />
        ) : null}
        <dl className="facts">
          {intern.role ? (
            <>
              <dt>Stilling</dt>
              <dd>{intern.role}</dd>
            </>
          ) : null}
          {intern.organisation ? (
            <>
              <dt>Organisation</dt>
              <dd>{intern.organisation}</dd>
            </>
          ) : null}
          {intern.programme ? (
            <>
              <dt>Forløb</dt>
              <dd>{intern.programme}</dd>
            </>
          ) : null}
          {intern.year ? (
            <>
              <dt>År</dt>
              <dd>{intern.year}</dd>
            </>
          ) : null}
        </dl>
        {intern.bio ? <p>{intern.bio}</p> : null}
        {quotes.length > 0 ? (
          <section aria-labelledby="citater">
            <h2 id="citater">Citater</h2>
            {quotes.map((quote) => (
              <PullQuote key={quote.id} quote={{ ...quote, speakerHref: null }} />
            ))}
          </section>
        ) : null}
        {stories.length > 0 ? (
          <section aria-labelledby="historier">
            <h2 id="historier">Medvirker i</h2>
            <div className="story-list">
              {stories.map((story) => (
                <StoryCard key={story.id} story={story} headingLevel="h3" />
              ))}
            </div>
          </section>
        ) : null}
      </div>
    </>
  )
}
