import {
  convertLexicalToHTML,
  type HTMLConvertersFunction,
  LinkHTMLConverter,
} from '@payloadcms/richtext-lexical/html'
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { PATHS } from '@/lib/paths'
import type { QuoteView } from '@/lib/data/types'
import { escapeHtml } from '@/lib/html'
import { isSafeHref } from '@/lib/richtext/safe-url'
import { parseVideoUrl } from '@/lib/richtext/video'

type BlockFields = {
  blockType?: string
  quote?: unknown
  url?: unknown
  caption?: unknown
  label?: unknown
  article?: unknown
}

function docSlug(value: unknown): string | null {
  const doc =
    value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value
  return doc &&
    typeof doc === 'object' &&
    'slug' in doc &&
    typeof (doc as { slug: unknown }).slug === 'string'
    ? (doc as { slug: string }).slug
    : null
}

/**
 * A story body as an HTML string with absolute links, for the RSS feed's content:encoded. Text is escaped
 * by Lexical's converters; our blocks escape what they insert; unsafe links are dropped.
 */
export function bodyToHtml(
  body: SerializedEditorState,
  quotes: Record<string, QuoteView>,
  origin: string,
): string {
  const absolute = (href: string) => (href.startsWith('/') ? `${origin}${href}` : href)
  const converters: HTMLConvertersFunction = ({ defaultConverters }) => {
    const links = LinkHTMLConverter({
      internalDocToHref: ({ linkNode }) => {
        const slug = docSlug(linkNode.fields.doc)
        return slug ? absolute(PATHS.story(slug)) : '#'
      },
    })
    return {
      ...defaultConverters,
      ...links,
      link: (args) => {
        const url = args.node.fields.linkType === 'internal' ? '/' : args.node.fields.url
        if (!isSafeHref(url)) return args.nodesToHTML({ nodes: args.node.children }).join('')
        return typeof links.link === 'function' ? links.link(args) : ''
      },
      blocks: {
        inlineQuote: ({ node }: { node: { fields: BlockFields } }) => {
          const raw = node.fields.quote
          const id =
            typeof raw === 'object' && raw && 'id' in raw ? String((raw as { id: unknown }).id) : String(raw)
          const quote = quotes[id]
          if (!quote) return ''
          const by = quote.attribution ? `<figcaption>${escapeHtml(quote.attribution)}</figcaption>` : ''
          return `<figure><blockquote><p>»${escapeHtml(quote.text)}«</p></blockquote>${by}</figure>`
        },
        videoEmbed: ({ node }: { node: { fields: BlockFields } }) => {
          const source = parseVideoUrl(node.fields.url)
          const caption = typeof node.fields.caption === 'string' ? escapeHtml(node.fields.caption) : ''
          if (!source) return caption ? `<p><em>${caption}</em></p>` : ''
          return `<p><a href="${escapeHtml(source.watchUrl)}">${caption || 'Se videoen'}</a></p>`
        },
        readAlso: ({ node }: { node: { fields: BlockFields } }) => {
          const label = typeof node.fields.label === 'string' ? escapeHtml(node.fields.label) : ''
          const slug = docSlug(node.fields.article)
          const href = slug
            ? absolute(PATHS.story(slug))
            : isSafeHref(node.fields.url)
              ? absolute(node.fields.url)
              : null
          return href ? `<p><a href="${escapeHtml(href)}">${label}</a></p>` : `<p>${label}</p>`
        },
      },
    }
  }
  return convertLexicalToHTML({ data: body, converters, disableContainer: true })
}
