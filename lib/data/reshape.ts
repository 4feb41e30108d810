/**
 * Payload documents -> view types. A relation that is still an id here was not readable for the reader
 * (an intern without consent, a draft story), so it is dropped rather than shown half-empty.
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { DefaultDocumentIDType } from 'payload'
import type { Article, Contact, Intern, Media, Quote, Topic } from '@/payload-types'
import { PATHS } from '@/lib/paths'
import type {
  ContactView,
  ImageView,
  InternView,
  QuoteView,
  StoryCardView,
  StoryView,
  TopicView,
} from '@/lib/data/types'

export function isPopulated<T extends object>(
  value: DefaultDocumentIDType | T | null | undefined,
): value is T {
  return typeof value === 'object' && value !== null
}

/**
 * Payload writes upload URLs absolute (it knows `serverURL`). Our own files are served by this app at
 * /api/media/file/..., so pages use the path: next/image then optimises it as a local image, and the page
 * works on any host name the site is reached by.
 */
function localMediaPath(url: string): string {
  if (!/^https?:\/\//.test(url)) return url
  const parsed = new URL(url)
  return parsed.pathname.startsWith('/api/media/file/') ? `${parsed.pathname}${parsed.search}` : url
}

export function reshapeImage(
  media: DefaultDocumentIDType | Media | null | undefined,
  size?: 'card' | 'hero' | 'og',
): ImageView | null {
  if (!isPopulated(media) || !media.url || !media.width || !media.height) return null
  const sized = size ? media.sizes?.[size] : undefined
  if (sized?.url && sized.width && sized.height) {
    return {
      url: localMediaPath(sized.url),
      alt: media.alt,
      width: sized.width,
      height: sized.height,
      caption: media.caption ?? null,
    }
  }
  return {
    url: localMediaPath(media.url),
    alt: media.alt,
    width: media.width,
    height: media.height,
    caption: media.caption ?? null,
  }
}

export function internDescription(intern: Pick<Intern, 'organisation'>): string {
  return intern.organisation ? `innovationspraktikant fra ${intern.organisation}` : 'innovationspraktikant'
}

export function reshapeIntern(intern: Intern): InternView {
  return {
    id: intern.id,
    name: intern.name,
    slug: intern.slug ?? null,
    role: intern.role ?? null,
    organisation: intern.organisation ?? null,
    programme: intern.programme ?? null,
    year: intern.year ?? null,
    bio: intern.bio ?? null,
    photo: reshapeImage(intern.photo, 'card'),
    description: internDescription(intern),
  }
}

export function reshapeContact(contact: Contact): ContactView {
  return {
    id: contact.id,
    name: contact.name,
    slug: contact.slug ?? null,
    title: contact.title ?? null,
    organisation: contact.organisation ?? null,
    email: contact.email ?? null,
    phone: contact.phone ?? null,
    photo: reshapeImage(contact.photo, 'card'),
  }
}

export function reshapeTopic(topic: Topic): TopicView | null {
  if (!topic.slug) return null
  return { id: topic.id, name: topic.name, slug: topic.slug, description: topic.description ?? null }
}

export type QuoteSource = Pick<Quote, 'id' | 'text' | 'speaker' | 'attribution'>
export type StoryCardSource = Pick<
  Article,
  'id' | 'title' | 'slug' | 'lead' | 'publishedAt' | 'heroImage' | 'featuredQuote'
>

export function reshapeQuote(quote: QuoteSource): QuoteView {
  const speaker = quote.speaker
  if (speaker && isPopulated(speaker.value)) {
    if (speaker.relationTo === 'interns') {
      const intern = speaker.value as Intern
      return {
        id: quote.id,
        text: quote.text,
        attribution: `${intern.name}, ${internDescription(intern)}`,
        speakerName: intern.name,
        speakerHref: intern.slug ? PATHS.intern(intern.slug) : null,
      }
    }
    const contact = speaker.value as Contact
    const details = [contact.title, contact.organisation].filter(Boolean).join(', ')
    return {
      id: quote.id,
      text: quote.text,
      attribution: details ? `${contact.name}, ${details}` : contact.name,
      speakerName: contact.name,
      speakerHref: PATHS.contact,
    }
  }
  return {
    id: quote.id,
    text: quote.text,
    attribution: quote.attribution?.trim() || null,
    speakerName: null,
    speakerHref: null,
  }
}

function populated<T extends object>(values: (DefaultDocumentIDType | T)[] | null | undefined): T[] {
  return (values ?? []).filter(isPopulated)
}

export function reshapeStoryCard(article: StoryCardSource, quotes: Record<string, QuoteView>): StoryCardView {
  const featured = article.featuredQuote
  const featuredId = isPopulated(featured) ? featured.id : featured
  return {
    id: article.id,
    title: article.title,
    slug: article.slug ?? String(article.id),
    lead: article.lead ?? null,
    publishedAt: article.publishedAt ?? null,
    image: reshapeImage(article.heroImage, 'card'),
    featuredQuote: featuredId != null ? (quotes[String(featuredId)] ?? null) : null,
  }
}

export function reshapeStory(
  article: Article,
  quotes: Record<string, QuoteView>,
): Omit<StoryView, 'related'> {
  return {
    ...reshapeStoryCard(article, quotes),
    image: reshapeImage(article.heroImage, 'hero'),
    body: (article.body as SerializedEditorState | null | undefined) ?? null,
    quotes,
    topics: populated(article.topics)
      .map(reshapeTopic)
      .filter((t): t is TopicView => t !== null),
    interns: populated(article.interns).map(reshapeIntern),
    contacts: populated(article.contacts).map(reshapeContact),
    seo: {
      title: article.seo?.title ?? null,
      description: article.seo?.description ?? null,
      // The share image: the SEO image if one was chosen, else the hero, in the 1200x630 Open Graph size.
      image: reshapeImage(article.seo?.image ?? article.heroImage, 'og'),
    },
    updatedAt: article.updatedAt,
    contentUpdatedAt: article.contentUpdatedAt ?? null,
  }
}

/** Ids of every quote an article refers to: the pull quote and each inline quote block in the body. */
export function quoteIdsOf(
  article: Pick<Article, 'featuredQuote'> & Partial<Pick<Article, 'body'>>,
): DefaultDocumentIDType[] {
  const ids = new Set<DefaultDocumentIDType>()
  const featured = article.featuredQuote
  if (featured != null) ids.add(isPopulated(featured) ? featured.id : featured)
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return
    const n = node as {
      type?: string
      fields?: { blockType?: string; quote?: unknown }
      children?: unknown[]
    }
    if (n.type === 'block' && n.fields?.blockType === 'inlineQuote') {
      const q = n.fields.quote
      if (typeof q === 'number' || typeof q === 'string') ids.add(q)
      else if (q && typeof q === 'object' && 'id' in q) ids.add((q as { id: DefaultDocumentIDType }).id)
    }
    n.children?.forEach(visit)
  }
  visit((article.body as { root?: unknown } | null | undefined)?.root)
  return [...ids]
}
