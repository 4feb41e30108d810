/**
 * View-ready shapes that `lib/data` hands to pages and components. Components never see a Payload
 * document, so they never have to ask whether a relation is an id or an object, or whether it was hidden.
 */
import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import type { DefaultDocumentIDType } from 'payload'

export type ImageView = {
  url: string
  alt: string
  width: number
  height: number
  caption: string | null
}

export type QuoteView = {
  id: DefaultDocumentIDType
  text: string
  /** "Charlotte Gisselmann Jessen, innovationspraktikant fra CBS", or the free-text attribution. */
  attribution: string | null
  speakerName: string | null
  /** A page about the speaker, when there is a public one. */
  speakerHref: string | null
}

export type InternView = {
  id: DefaultDocumentIDType
  name: string
  slug: string | null
  role: string | null
  organisation: string | null
  programme: string | null
  year: number | null
  bio: string | null
  photo: ImageView | null
  /** "innovationspraktikant fra CBS" */
  description: string
}

export type ContactView = {
  id: DefaultDocumentIDType
  name: string
  slug: string | null
  title: string | null
  organisation: string | null
  email: string | null
  phone: string | null
  photo: ImageView | null
}

export type TopicView = {
  id: DefaultDocumentIDType
  name: string
  slug: string
  description: string | null
}

/** The `seo` group (fields/seo.ts) as pages read it: the editor's overrides, null where left empty. */
export type SeoView = { title: string | null; description: string | null; image: ImageView | null }

export type StoryCardView = {
  id: DefaultDocumentIDType
  title: string
  slug: string
  lead: string | null
  publishedAt: string | null
  image: ImageView | null
  featuredQuote: QuoteView | null
}

export type StoryView = StoryCardView & {
  body: SerializedEditorState | null
  /** Every quote the body refers to, by id, so the renderer needs no further queries. */
  quotes: Record<string, QuoteView>
  topics: TopicView[]
  interns: InternView[]
  contacts: ContactView[]
  seo: SeoView
  updatedAt: string
  /** When a published story was last published again with changed content ("Opdateret"); null if never. */
  contentUpdatedAt: string | null
  /** Newest other stories sharing a topic. */
  related: StoryCardView[]
}

export type SiteView = {
  name: string
  description: string | null
  about: SerializedEditorState | null
  vision: { statement: string | null; motto: string | null }
  dna: { heading: string | null; goalLabel: string | null; goal: string | null }
}

export type LinkView = { label: string; href: string }

export type FooterView = {
  operatorLine: string | null
  addressParts: string[]
  editorLine: string | null
  copyrightLine: string | null
  accessibilityStatementUrl: string | null
  links: LinkView[]
}
