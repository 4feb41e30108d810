import { PATHS } from '@/lib/paths'
import type { InternView } from '@/lib/data/types'

/** "Medvirkende": the interns who appear in a story. */
export function PeopleList({ interns }: { interns: InternView[] }) {
  if (interns.length === 0) return null
  return (
    <section className="people" aria-labelledby="people-heading">
      <h2 id="people-heading">Medvirkende</h2>
      <ul className="people__list">
        {interns.map((intern) => (
          <li key={intern.id}>
            <strong>
              {intern.slug ? <a href={PATHS.intern(intern.slug)}>{intern.name}</a> : intern.name}
            </strong>
            <span>{[intern.role, intern.organisation].filter(Boolean).join(', ') || intern.description}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
