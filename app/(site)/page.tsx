import type { Metadata } from 'next'
import { JsonLd } from '@/components/JsonLd'
import { StoryCard } from '@/components/StoryCard'
import { VisionSection } from '@/components/VisionSection'
import { getLatestStories } from '@/lib/data/articles'
import { getFooter, getSite } from '@/lib/data/globals'
import { getTopics } from '@/lib/data/topics'
import { PATHS } from '@/lib/paths'
import { env } from '@/lib/env'
import { pageMetadata } from '@/lib/seo/metadata'
import { organisationJsonLd, websiteJsonLd } from '@/lib/seo/structured-data'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSite()
  const description = site.description ?? `${site.name}: historier om innovation og udvikling i Faxe Kommune.`
  return { ...pageMetadata({ title: site.name, description, path: '/' }), title: { absolute: site.name } }
}

export default async function HomePage() {
  const [site, footer, stories, topics] = await Promise.all([
    getSite(),
    getFooter(),
    getLatestStories(6),
    getTopics(),
  ])
  const origin = env().siteUrl
  return (
    <>
      <JsonLd data={organisationJsonLd(footer, origin)} />
      <JsonLd data={websiteJsonLd(site, origin)} />
      <section className="hero" aria-labelledby="forside-titel">
        <div className="container">
          <h1 id="forside-titel" className="hero__title">
            {site.name}
          </h1>
          {site.vision.statement ? <p className="hero__statement">{site.vision.statement}</p> : null}
          {site.vision.motto ? <p className="hero__motto">{site.vision.motto}</p> : null}
        </div>
      </section>
      <section className="container section" aria-labelledby="nyeste-historier">
        <h2 id="nyeste-historier">Nyeste historier</h2>
        {stories.length > 0 ? (
          <div className="story-grid">
            {stories.map((story) => (
              <StoryCard key={story.id} story={story} headingLevel="h3" showQuote />
            ))}
          </div>
        ) : (
          <p className="empty">Der er ingen historier endnu. Kig forbi igen snart.</p>
        )}
      </section>
      <section className="container section explore" aria-labelledby="udforsk">
        <h2 id="udforsk">Udforsk</h2>
        <div className="explore__grid">
          {topics.length > 0 ? (
            <div>
              <h3>Emner</h3>
              <ul className="topic-list">
                {topics.map((topic) => (
                  <li key={topic.id}>
                    <a href={PATHS.topic(topic.slug)}>{topic.name}</a>
                  </li>
                ))}
              </ul>
              <p>
                <a href={PATHS.topics}>Alle emner</a>
              </p>
            </div>
          ) : null}
          <div>
            <h3>Innovationspraktikanter</h3>
            <p>
              Mød de offentligt ansatte, der har besøgt Faxe Kommune i{' '}
              <a href={PATHS.interns}>oversigten over innovationspraktikanter</a>.
            </p>
          </div>
        </div>
      </section>
      <VisionSection site={{ ...site, vision: { statement: null, motto: null } }} />
    </>
  )
}
