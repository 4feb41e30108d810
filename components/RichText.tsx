import {
  type JSXConvertersFunction,
  LinkJSXConverter,
  RichText as LexicalRichText,
} from '@payloadcms/richtext-lexical/react'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { InlineQuoteBlock, ReadAlsoBlock, VideoEmbedBlock } from '@/payload-types'
import { PullQuote } from '@/components/PullQuote'
import { VideoEmbed } from '@/components/VideoEmbed'
import { PATHS } from '@/lib/paths'
import type { QuoteView } from '@/lib/data/types'
import { isSafeHref } from '@/lib/richtext/safe-url'
import { parseVideoUrl } from '@/lib/richtext/video'

type Props = { data: SerializedEditorState; quotes: Record<string, QuoteView>; className?: string }

function relationId(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'string') return String(value)
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id)
  return null
}

function internalHref(value: unknown): string | null {
  const doc =
    value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value
  if (
    doc &&
    typeof doc === 'object' &&
    'slug' in doc &&
    typeof (doc as { slug: unknown }).slug === 'string'
  ) {
    return PATHS.story((doc as { slug: string }).slug)
  }
  return null
}

function ReadAlso({ block }: { block: ReadAlsoBlock }) {
  const href = internalHref(block.article) ?? (isSafeHref(block.url) ? block.url : null)
  return (
    <aside className="read-also" aria-label="Læs også">
      {href ? <a href={href}>{block.label}</a> : <p>{block.label}</p>}
    </aside>
  )
}

/**
 * A video without a usable address renders nothing: a box saying the video is missing, under a caption that
 * invites the reader to watch it, helps no one. The admin flags such a block to the editor instead.
 */
function Video({ block }: { block: VideoEmbedBlock }) {
  const source = parseVideoUrl(block.url)
  if (!source) return null
  const caption = block.caption?.trim() || null
  return (
    <figure className="video">
      <VideoEmbed
        embedUrl={source.embedUrl}
        watchUrl={source.watchUrl}
        provider={source.provider}
        title={caption ?? 'Video'}
      />
      {caption ? <figcaption>{caption}</figcaption> : null}
    </figure>
  )
}

/** Body text from Lexical: safe links only, and our three blocks rendered by our own components. */
export function RichText({ data, quotes, className }: Props) {
  const converters: JSXConvertersFunction = ({ defaultConverters }) => {
    const links = LinkJSXConverter({
      internalDocToHref: ({ linkNode }) => internalHref(linkNode.fields.doc) ?? '#',
    })
    return {
      ...defaultConverters,
      ...links,
      link: (args) => {
        const { node, nodesToJSX } = args
        const url = node.fields.linkType === 'internal' ? internalHref(node.fields.doc) : node.fields.url
        if (!isSafeHref(url)) return <span>{nodesToJSX({ nodes: node.children })}</span>
        return typeof links.link === 'function' ? links.link(args) : null
      },
      autolink: (args) => {
        const { node, nodesToJSX } = args
        if (!isSafeHref(node.fields.url)) return <span>{nodesToJSX({ nodes: node.children })}</span>
        return typeof links.autolink === 'function' ? links.autolink(args) : null
      },
      blocks: {
        inlineQuote: ({ node }: { node: { fields: InlineQuoteBlock } }) => {
          const id = relationId(node.fields.quote)
          const quote = id ? quotes[id] : undefined
          if (!quote) return null
          return (
            <PullQuote
              quote={quote}
              leadIn={node.fields.leadIn?.trim() || null}
              showSpeaker={!node.fields.continuesPrevious}
            />
          )
        },
        videoEmbed: ({ node }: { node: { fields: VideoEmbedBlock } }) => <Video block={node.fields} />,
        readAlso: ({ node }: { node: { fields: ReadAlsoBlock } }) => <ReadAlso block={node.fields} />,
      },
    }
  }
  return <LexicalRichText className={className} converters={converters} data={data} />
}
