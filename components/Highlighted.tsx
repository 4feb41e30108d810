import { highlight } from '@/lib/search'

/** Text with every occurrence of the query marked (<mark>), compared case-insensitively. */
export function Highlighted({ text, query }: { text: string; query: string }) {
  return (
    <>
      {highlight(text, query).map((segment, i) =>
        segment.match ? <mark key={i}>{segment.text}</mark> : segment.text,
      )}
    </>
  )
}
