import type { Metadata } from 'next'
import { Breadcrumbs } from '@/components/Breadcrumbs'
import { PATHS } from '@/lib/paths'
import { getTopicsWithCounts } from '@/lib/data/topics'
import { pageMetadata } from '@/lib/seo/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Emner',
  description: 'Alle emner på Faxe i Fællesskab, med antallet af historier om hvert emne.',
  path: PATHS.topics,
})

const countLabel = (count: number) => (count === 1 ? '1 historie' : `${count} historier`)

export default async function TopicsIndex() {
  const topics = await getTopicsWithCounts()
  return (
    <>
      <Breadcrumbs trail={[{ name: 'Emner', path: PATHS.topics }]} />
      <div className="container container--narrow section">
        <h1>Emner</h1>
        <p className="page-intro">Historierne fra Faxe i Fællesskab samlet efter emne.</p>
        {topics.length > 0 ? (
          <ul className="topic-index" role="list">
            {topics.map((topic) => (
              <li key={topic.id} className="topic-index__item">
                <h2 className="topic-index__name">
                  <a href={PATHS.topic(topic.slug)}>{topic.name}</a>
                </h2>
                <p className="topic-index__count">{countLabel(topic.storyCount)}</p>
                {topic.description ? <p>{topic.description}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="empty">Der er ingen emner endnu.</p>
        )}
      </div>
    </>
  )
}
