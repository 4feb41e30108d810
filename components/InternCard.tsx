import { MediaImage } from '@/components/MediaImage'
import { PATHS } from '@/lib/paths'
import type { InternView } from '@/lib/data/types'

export function InternCard({ intern }: { intern: InternView }) {
  return (
    <article className="person-card">
      {intern.photo ? <MediaImage image={intern.photo} sizes="6rem" className="person-photo" /> : null}
      <h2 className="person-card__name">
        {intern.slug ? <a href={PATHS.intern(intern.slug)}>{intern.name}</a> : intern.name}
      </h2>
      <p className="person-card__role">{[intern.role, intern.organisation].filter(Boolean).join(', ')}</p>
      {intern.programme ? <p className="person-card__meta">{intern.programme}</p> : null}
    </article>
  )
}
