import { Pagination } from '@/components/Pagination'
import { StoryCard } from '@/components/StoryCard'
import { storiesPagePath } from '@/lib/paths'
import type { StoryPageView } from '@/lib/data/articles'

/** The story list, shared by /historier and /historier/side/<n>. */
export function StoryListPage({ data }: { data: StoryPageView }) {
  return (
    <div className="container section">
      <h1>Historier{data.page > 1 ? ` · side ${data.page}` : ''}</h1>
      <p className="page-intro">
        Fortællinger om innovation og udvikling i Faxe Kommune. {data.totalStories}{' '}
        {data.totalStories === 1 ? 'historie' : 'historier'} i alt.
      </p>
      {data.stories.length > 0 ? (
        <div className="story-grid">
          {data.stories.map((story) => (
            <StoryCard key={story.id} story={story} showQuote />
          ))}
        </div>
      ) : (
        <p className="empty">Der er ingen historier endnu. Kig forbi igen snart.</p>
      )}
      <Pagination
        page={data.page}
        totalPages={data.totalPages}
        hrefFor={storiesPagePath}
        label="Sider med historier"
      />
    </div>
  )
}
