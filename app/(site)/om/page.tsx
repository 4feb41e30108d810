import type { Metadata } from 'next'
import { RichText } from '@/components/RichText'
import { VisionSection } from '@/components/VisionSection'
import { PATHS } from '@/lib/paths'
import { getSite } from '@/lib/data/globals'
import { pageMetadata } from '@/lib/seo/metadata'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSite()
  return pageMetadata({
    title: `Om ${site.name}`,
    description: site.description ?? `Om ${site.name}.`,
    path: PATHS.about,
  })
}

export default async function AboutPage() {
  const site = await getSite()
  return (
    <>
      <article className="container container--narrow section">
        <h1>{`Om ${site.name}`}</h1>
        {site.description ? <p className="story__lead">{site.description}</p> : null}
        {site.about ? <RichText className="prose" data={site.about} quotes={{}} /> : null}
        <p>
          Vil du vide mere, så <a href={PATHS.contact}>kontakt os</a>, eller læs{' '}
          <a href={PATHS.stories}>historierne fra programmet</a>.
        </p>
      </article>
      <VisionSection site={site} />
    </>
  )
}
