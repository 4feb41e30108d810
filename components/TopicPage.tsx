import { Breadcrumbs } from '@/components/Breadcrumbs'
import { Pagination } from '@/components/Pagination'
import { StoryCard } from '@/components/StoryCard'
import { PATHS, topicPagePath } from '@/lib/paths'
import type { TopicPageView } from '@/lib/data/topics'

/** One topic and its stories, shared by /emner/<slug> and its further pages. */
export function TopicPage({ data }: { data: TopicPageView }) {
  const { topic } = data
  return (
    <>
      <Breadcrumbs
        trail={[
          { name: 'Emner', path: PATHS.topics },
          { name: topic.name, path: PATHS.topic(topic.slug) },
          ...(data.page > 1
            ? [{ name: `Side ${data.page}`, path: topicPagePath(topic.slug, data.page) }]
            : []),
        ]}
      />
      <div className="container section">
        <p className="story__kicker">Emne</p>
        <h1>
          {topic.name}
          {data.page > 1 ? ` · side ${data.page}` : ''}
        </h1>
        {topic.description ? <p className="page-intro">{topic.description}</p> : null}
        {data.stories.length > 0 ? (
          <div className="story-grid">
            {data.stories.map((story) => (
              <StoryCard key={story.id} story={story} showQuote />
            ))}
          </div>
        ) : (
          <p className="empty">Der er endnu ingen historier om dette emne.</p>
        )}
        <Pagination
          page={data.page}
          totalPages={data.totalPages}
          hrefFor={(page) => topicPagePath(topic.slug, page)}
          label={`Sider med historier om ${topic.name}`}
        />
      </div>
    </>
  )
}
