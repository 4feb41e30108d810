import type { QuoteView } from '@/lib/data/types'

type Props = {
  quote: QuoteView
  variant?: 'pull' | 'inline'
  /** The story's own words after the quote ("fortæller proceslederen for Faxe i Fællesskab."), shown instead of the speaker. */
  leadIn?: string | null
  /** False for a quote that continues the one before it: no caption at all. */
  showSpeaker?: boolean
}

/** A quote with its speaker. Quotation marks are added here, never typed into the content. */
export function PullQuote({ quote, variant = 'inline', leadIn, showSpeaker = true }: Props) {
  return (
    <figure className={`quote quote--${variant}`}>
      <blockquote>
        <p>»{quote.text}«</p>
      </blockquote>
      {leadIn ? (
        <figcaption className="quote__lead-in">{leadIn}</figcaption>
      ) : showSpeaker && quote.attribution ? (
        <figcaption>
          {quote.speakerHref && quote.speakerName ? (
            <>
              <a href={quote.speakerHref}>{quote.speakerName}</a>
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
