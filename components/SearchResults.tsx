import Link from 'next/link'
import {
  SEARCH_PAGE_SIZE,
  type SearchGroup,
  type SearchHit,
  type SearchResults as Results,
} from '@/lib/data/search'
import { formatDanishDate } from '@/lib/format'
import type { SearchKind } from '@/lib/search-index'
import type { Segment } from '@/lib/search-text'

/** Highlighted text: React escapes every segment, the marks are the only markup added. */
function Marked({ segments }: { segments: Segment[] }) {
  return (
    <>{segments.map((segment, i) => (segment.match ? <mark key={i}>{segment.text}</mark> : segment.text))}</>
  )
}

const GROUP_TITLES: Record<Exclude<SearchKind, 'story'>, string> = {
  topic: 'Emner',
  intern: 'Innovationspraktikanter',
  contact: 'Kontaktpersoner',
  page: 'Sider',
}

function Hit({ hit, heading: Heading }: { hit: SearchHit; heading: 'h2' | 'h3' }) {
  const date = hit.kind === 'story' ? formatDanishDate(hit.date) : null
  return (
    <li>
      <Heading className="search-results__title">
        <Link href={hit.path}>
          <Marked segments={hit.title} />
        </Link>
      </Heading>
      {date && hit.date ? (
        <p className="story-card__meta">
          <time dateTime={hit.date}>{date}</time>
        </p>
      ) : null}
      {hit.text ? (
        <p className="search-results__excerpt">
          <Marked segments={hit.text} />
        </p>
      ) : null}
    </li>
  )
}

function Group({ group }: { group: SearchGroup }) {
  if (group.kind === 'story') return null
  return (
    <section className="search-group" aria-labelledby={`search-group-${group.kind}`}>
      <h2 id={`search-group-${group.kind}`} className="search-group__title">
        {GROUP_TITLES[group.kind]} <span className="search-group__count">({group.total})</span>
      </h2>
      <ol className="search-results">
        {group.hits.map((hit) => (
          <Hit key={hit.path + hit.title.map((s) => s.text).join('')} hit={hit} heading="h3" />
        ))}
      </ol>
    </section>
  )
}

/** The stories of one page of results, and on the first page the other kinds in groups above them. */
export function SearchResults({ results }: { results: Results }) {
  return (
    <>
      {results.groups.map((group) => (
        <Group key={group.kind} group={group} />
      ))}
      {results.stories.hits.length > 0 ? (
        <ol className="search-results" start={(results.stories.page - 1) * SEARCH_PAGE_SIZE + 1}>
          {results.stories.hits.map((hit) => (
            <Hit key={hit.path} hit={hit} heading="h2" />
          ))}
        </ol>
      ) : null}
    </>
  )
}
