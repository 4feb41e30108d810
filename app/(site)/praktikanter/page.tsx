import type { Metadata } from 'next'
import { InternCard } from '@/components/InternCard'
import { PATHS } from '@/lib/paths'
import { getInterns } from '@/lib/data/people'
import { pageMetadata } from '@/lib/seo/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Innovationspraktikanter',
  description: 'De innovationspraktikanter, der har besøgt Faxe Kommune og Faxe i Fællesskab.',
  path: PATHS.interns,
})

export default async function InternsPage() {
  const interns = await getInterns()
  return (
    <div className="container section">
      <h1>Innovationspraktikanter</h1>
      <p className="page-intro">
        Offentligt ansatte, der har besøgt Faxe Kommune for at se innovation i praksis og give os nye
        perspektiver.
      </p>
      {interns.length > 0 ? (
        <div className="person-grid">
          {interns.map((intern) => (
            <InternCard key={intern.id} intern={intern} />
          ))}
        </div>
      ) : (
        <p className="empty">Der er ingen praktikanter at vise endnu.</p>
      )}
    </div>
  )
}
