import { z } from 'zod'
import type { Article, Contact, Footer, Intern, Navigation, Page, Quote, Site, Topic } from '@/payload-types'
import { isSafeHref } from '@/lib/richtext/safe-url'

/**
 * The seed file's shape. People and topics are referred to by slug and quotes by key, so the file reads
 * like the story and the loader resolves ids. Each schema is checked against the generated Payload types
 * below, so the seed cannot drift from the collections.
 */

const text = z.string().trim().min(1)
const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'a slug: lowercase letters, digits and hyphens')
const href = z.string().refine(isSafeHref, 'a link starting with https://, http://, mailto:, tel: or /')

export const internSeed = z.object({
  name: text,
  slug,
  role: text,
  organisation: text,
  programme: text,
  year: z.number().int().min(2000).max(2100).optional(),
  bio: text.optional(),
  publicationConsent: z.boolean(),
  consentNote: text.optional(),
})

export const contactSeed = z.object({
  name: text,
  slug,
  title: text,
  organisation: text,
  email: z.email().optional(),
  phone: text.optional(),
  sortOrder: z.number().int(),
})

export const topicSeed = z.object({ name: text, slug, description: text.optional() })

export const quoteSeed = z.object({
  key: z.string().regex(/^[a-z0-9-]+$/),
  text,
  speaker: z.union([
    z.object({ intern: slug }),
    z.object({ contact: slug }),
    z.object({ attribution: text }),
  ]),
})

const bodyItem = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('paragraph'), text }),
  z.object({
    kind: z.literal('quote'),
    quote: z.string(),
    /** The story's words after the quote, as the story words them; shown instead of the speaker. */
    leadIn: text.optional(),
    /** The quote goes on from the one before it, so no speaker is repeated under it. */
    continuesPrevious: z.boolean().optional(),
  }),
  z.object({ kind: z.literal('video'), caption: text, url: z.url().optional() }),
  z.object({ kind: z.literal('readAlso'), label: text, url: href.optional() }),
])

export const articleSeed = z.object({
  title: text,
  slug,
  lead: text,
  body: z.array(bodyItem).min(1),
  featuredQuote: z.string(),
  topics: z.array(slug),
  interns: z.array(slug),
  contacts: z.array(slug),
  status: z.enum(['published', 'draft']),
})

export const pageSeed = z.object({
  title: text,
  slug,
  lead: text,
  body: z.array(text).min(1),
  status: z.enum(['published', 'draft']),
})

export const siteSeed = z.object({
  name: text,
  description: text,
  about: z.array(text),
  vision: z.object({ statement: text, motto: text }),
  dna: z.object({ heading: text, goalLabel: text, goal: text }),
})

export const footerSeed = z.object({
  operatorLine: text,
  addressLine: text,
  editorLine: text,
  copyrightLine: text,
  accessibilityStatementUrl: href,
  links: z.array(z.object({ label: text, href })),
})

export const navigationSeed = z.object({ items: z.array(z.object({ label: text, href })) })

export const seedFile = z
  .object({
    topics: z.array(topicSeed),
    interns: z.array(internSeed),
    contacts: z.array(contactSeed),
    quotes: z.array(quoteSeed),
    articles: z.array(articleSeed),
    pages: z.array(pageSeed),
    site: siteSeed,
    footer: footerSeed,
    navigation: navigationSeed,
  })
  .superRefine((seed, ctx) => {
    const known = {
      topic: new Set(seed.topics.map((t) => t.slug)),
      intern: new Set(seed.interns.map((i) => i.slug)),
      contact: new Set(seed.contacts.map((c) => c.slug)),
      quote: new Set(seed.quotes.map((q) => q.key)),
    }
    const check = (kind: keyof typeof known, value: string, path: (string | number)[]) => {
      if (!known[kind].has(value))
        ctx.addIssue({ code: 'custom', message: `unknown ${kind} "${value}"`, path })
    }
    seed.quotes.forEach((q, i) => {
      if ('intern' in q.speaker) check('intern', q.speaker.intern, ['quotes', i, 'speaker'])
      if ('contact' in q.speaker) check('contact', q.speaker.contact, ['quotes', i, 'speaker'])
    })
    seed.articles.forEach((a, i) => {
      check('quote', a.featuredQuote, ['articles', i, 'featuredQuote'])
      a.topics.forEach((s, j) => check('topic', s, ['articles', i, 'topics', j]))
      a.interns.forEach((s, j) => check('intern', s, ['articles', i, 'interns', j]))
      a.contacts.forEach((s, j) => check('contact', s, ['articles', i, 'contacts', j]))
      a.body.forEach((item, j) => {
        if (item.kind === 'quote') check('quote', item.quote, ['articles', i, 'body', j, 'quote'])
      })
    })
  })

export type SeedFile = z.infer<typeof seedFile>

// Compile-time checks that the seed's fields exist, with the same types, in the generated collection types.
type Assignable<T, U> = T extends U ? true : never
const fits = <T extends true>(): T | undefined => undefined
fits<Assignable<Omit<z.infer<typeof internSeed>, never>, Partial<Intern>>>()
fits<Assignable<z.infer<typeof contactSeed>, Partial<Contact>>>()
fits<Assignable<z.infer<typeof topicSeed>, Partial<Topic>>>()
fits<Assignable<Pick<z.infer<typeof quoteSeed>, 'text'>, Partial<Quote>>>()
fits<Assignable<Pick<z.infer<typeof articleSeed>, 'title' | 'slug' | 'lead'>, Partial<Article>>>()
fits<Assignable<Omit<z.infer<typeof siteSeed>, 'about'>, Partial<Site>>>()
fits<Assignable<Pick<z.infer<typeof pageSeed>, 'title' | 'slug' | 'lead'>, Partial<Page>>>()
fits<Assignable<Omit<z.infer<typeof footerSeed>, 'links'>, Partial<Footer>>>()
fits<Assignable<z.infer<typeof navigationSeed>, Partial<Navigation>>>()
