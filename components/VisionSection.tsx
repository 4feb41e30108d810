import type { SiteView } from '@/lib/data/types'

/** The programme's vision and "En del af vores DNA", from the site settings. */
export function VisionSection({
  site,
  headingLevel: Heading = 'h2',
}: {
  site: SiteView
  headingLevel?: 'h2' | 'h3'
}) {
  const { vision, dna } = site
  if (!vision.statement && !vision.motto && !dna.heading && !dna.goal) return null
  return (
    <section className="vision" aria-labelledby="vision-heading">
      <div className="vision__inner">
        {dna.heading ? (
          <Heading id="vision-heading" className="vision__heading">
            {dna.heading}
          </Heading>
        ) : (
          <Heading id="vision-heading" className="visually-hidden">
            Vores vision
          </Heading>
        )}
        {dna.goal ? (
          <p className="vision__goal">
            {dna.goalLabel ? <span className="vision__goal-label">{dna.goalLabel}</span> : null}
            {dna.goal}
          </p>
        ) : null}
        {vision.statement ? <p className="vision__statement">{vision.statement}</p> : null}
        {vision.motto ? <p className="vision__motto">{vision.motto}</p> : null}
      </div>
    </section>
  )
}
