import Link from 'next/link'
import type { QuoteView } from '@/lib/data/types'

type Props = { quote: QuoteView; variant?: 'pull' | 'inline' }

/** A quote with its speaker. Quotation marks are added here, never typed into the content. */
export function PullQuote({ quote, variant = 'inline' }: Props) {
  return (
    <figure className={`quote quote--${variant}`}>
      <blockquote>
        <p>»{quote.text}«</p>
      </blockquote>
      {quote.attribution ? (
        <figcaption>
          {quote.speakerHref && quote.speakerName ? (
            <>
              <Link href={quote.speakerHref}>{quote.speakerName}</Link>
              {quote.attribution.slice(quote.speakerName.length)}
            </>
          ) : (
            quote.attribution
          )}
        </figcaption>
      ) : null}
    </figure>
  )
}
