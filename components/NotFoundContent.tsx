import { WaysOn } from '@/components/WaysOn'

/** The helpful part of every 404: what happened, a search box and ways on. */
export function NotFoundContent() {
  return (
    <div className="container container--narrow section not-found">
      <p className="not-found__code">Fejl 404</p>
      <h1>Siden findes ikke</h1>
      <p>
        Vi kan ikke finde den side, du leder efter. Måske er den flyttet, eller også er der en stavefejl i
        adressen.
      </p>
      <WaysOn searchId="not-found-search" />
    </div>
  )
}
