import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'
import { z } from 'zod'
import { block, editorState, paragraph } from './lexical'
import { type SeedFile, seedFile } from './schema'
import { seedData } from './story'

/**
 * Writes the seed story into an empty or partly seeded database. Idempotent: a document that already
 * exists (found by its slug, or a quote by its text) is left exactly as it is, so a second run changes
 * nothing and an editor's later corrections are never overwritten.
 *
 * Seeding is an operator's command, never a web request, so it may bypass access control
 * (`overrideAccess: true`), and it writes with `disableRevalidate` because no Next.js cache exists here.
 */

export type SeedLog = (line: string) => void
export type SeedResult = { created: number; unchanged: number }

const context = { disableRevalidate: true }

const adminSchema = z.object({
  email: z.email('SEED_ADMIN_EMAIL must be an e-mail address'),
  password: z.string().min(12, 'SEED_ADMIN_PASSWORD must be at least 12 characters'),
  name: z.string().trim().min(1).default('Administrator'),
})

async function findIdBy(
  payload: Payload,
  collection: CollectionSlug,
  field: string,
  value: string,
): Promise<DefaultDocumentIDType | null> {
  const { docs } = await payload.find({
    collection,
    where: { [field]: { equals: value } },
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
    pagination: false,
    context,
  })
  return docs[0]?.id ?? null
}

export async function seed(
  payload: Payload,
  log: SeedLog = () => {},
  data: unknown = seedData,
): Promise<SeedResult> {
  const parsed = seedFile.safeParse(data)
  if (!parsed.success) {
    throw new Error(`The seed file is invalid:\n${z.prettifyError(parsed.error)}`)
  }
  const seedContent: SeedFile = parsed.data
  const result: SeedResult = { created: 0, unchanged: 0 }

  /** Find by natural key, or create; returns the id either way. */
  async function upsert(
    collection: CollectionSlug,
    key: { field: string; value: string },
    label: string,
    create: () => Promise<{ id: DefaultDocumentIDType }>,
  ): Promise<DefaultDocumentIDType> {
    const existing = await findIdBy(payload, collection, key.field, key.value)
    if (existing !== null) {
      result.unchanged++
      log(`  = ${collection}: ${label} (exists)`)
      return existing
    }
    const doc = await create()
    result.created++
    log(`  + ${collection}: ${label}`)
    return doc.id
  }

  // Ids are whatever the adapter gives (numbers in SQL, ObjectId strings in MongoDB) and are passed on
  // exactly as they came.
  const idOf = (map: Map<string, DefaultDocumentIDType>, key: string): DefaultDocumentIDType => {
    const id = map.get(key)
    if (id === undefined) throw new Error(`Seed: nothing was written for "${key}"`)
    return id
  }

  const topicIds = new Map<string, DefaultDocumentIDType>()
  for (const topic of seedContent.topics) {
    const id = await upsert('topics', { field: 'slug', value: topic.slug }, topic.name, () =>
      payload.create({ collection: 'topics', data: topic, overrideAccess: true, context }),
    )
    topicIds.set(topic.slug, id)
  }

  const internIds = new Map<string, DefaultDocumentIDType>()
  for (const intern of seedContent.interns) {
    const id = await upsert('interns', { field: 'slug', value: intern.slug }, intern.name, () =>
      payload.create({ collection: 'interns', data: intern, overrideAccess: true, context }),
    )
    internIds.set(intern.slug, id)
  }

  const contactIds = new Map<string, DefaultDocumentIDType>()
  for (const contact of seedContent.contacts) {
    const id = await upsert('contacts', { field: 'slug', value: contact.slug }, contact.name, () =>
      payload.create({ collection: 'contacts', data: contact, overrideAccess: true, context }),
    )
    contactIds.set(contact.slug, id)
  }

  const quoteIds = new Map<string, DefaultDocumentIDType>()
  for (const quote of seedContent.quotes) {
    const speaker =
      'intern' in quote.speaker
        ? { relationTo: 'interns' as const, value: idOf(internIds, quote.speaker.intern) }
        : 'contact' in quote.speaker
          ? { relationTo: 'contacts' as const, value: idOf(contactIds, quote.speaker.contact) }
          : null
    const attribution = 'attribution' in quote.speaker ? quote.speaker.attribution : undefined
    const id = await upsert(
      'quotes',
      { field: 'text', value: quote.text },
      `"${quote.text.slice(0, 40)}…"`,
      () =>
        payload.create({
          collection: 'quotes',
          data: { text: quote.text, ...(speaker ? { speaker } : {}), attribution },
          overrideAccess: true,
          context,
        }),
    )
    quoteIds.set(quote.key, id)
  }

  for (const article of seedContent.articles) {
    const body = editorState(
      article.body.map((item) => {
        switch (item.kind) {
          case 'paragraph':
            return paragraph(item.text)
          case 'quote':
            return block('inlineQuote', {
              quote: idOf(quoteIds, item.quote),
              ...(item.leadIn ? { leadIn: item.leadIn } : {}),
              ...(item.continuesPrevious ? { continuesPrevious: true } : {}),
            })
          case 'video':
            return block('videoEmbed', { caption: item.caption, ...(item.url ? { url: item.url } : {}) })
          case 'readAlso':
            return block('readAlso', { label: item.label, ...(item.url ? { url: item.url } : {}) })
        }
      }),
    )
    const articleId = await upsert('articles', { field: 'slug', value: article.slug }, article.title, () =>
      payload.create({
        collection: 'articles',
        data: {
          title: article.title,
          slug: article.slug,
          lead: article.lead,
          body,
          featuredQuote: idOf(quoteIds, article.featuredQuote),
          topics: article.topics.map((s) => idOf(topicIds, s)),
          interns: article.interns.map((s) => idOf(internIds, s)),
          contacts: article.contacts.map((s) => idOf(contactIds, s)),
          _status: article.status,
        },
        overrideAccess: true,
        context,
      }),
    )
    // Each quote of the story points back to it; only quotes that do not point anywhere yet are touched.
    const keys = new Set([
      article.featuredQuote,
      ...article.body.flatMap((i) => (i.kind === 'quote' ? [i.quote] : [])),
    ])
    for (const key of keys) {
      const quoteId = idOf(quoteIds, key)
      const quote = await payload.findByID({
        collection: 'quotes',
        id: quoteId,
        depth: 0,
        overrideAccess: true,
      })
      if (quote.article == null) {
        await payload.update({
          collection: 'quotes',
          id: quoteId,
          data: { article: articleId },
          overrideAccess: true,
          context,
        })
      }
    }
  }

  for (const page of seedContent.pages) {
    await upsert('pages', { field: 'slug', value: page.slug }, page.title, () =>
      payload.create({
        collection: 'pages',
        data: {
          title: page.title,
          slug: page.slug,
          lead: page.lead,
          body: editorState(page.body.map(paragraph)),
          _status: page.status,
        },
        overrideAccess: true,
        context,
      }),
    )
  }

  // Globals are written only while still empty, like the documents above.
  const markGlobal = (slug: string, written: boolean) => {
    if (written) {
      result.created++
      log(`  + global: ${slug}`)
    } else {
      result.unchanged++
      log(`  = global: ${slug} (already set)`)
    }
  }
  const site = await payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: true })
  if (!site.name) {
    const { about, ...siteFields } = seedContent.site
    await payload.updateGlobal({
      slug: 'site',
      data: { ...siteFields, about: editorState(about.map(paragraph)) },
      overrideAccess: true,
      context,
    })
  }
  markGlobal('site', !site.name)
  const footer = await payload.findGlobal({ slug: 'footer', depth: 0, overrideAccess: true })
  if (!footer.operatorLine) {
    await payload.updateGlobal({ slug: 'footer', data: seedContent.footer, overrideAccess: true, context })
  }
  markGlobal('footer', !footer.operatorLine)
  const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0, overrideAccess: true })
  const navigationEmpty = !navigation.items || navigation.items.length === 0
  if (navigationEmpty) {
    await payload.updateGlobal({
      slug: 'navigation',
      data: seedContent.navigation,
      overrideAccess: true,
      context,
    })
  }
  markGlobal('navigation', navigationEmpty)

  await seedAdmin(payload, log, result)
  return result
}

/** An admin account only when the operator asked for one; otherwise the admin asks for the first user. */
async function seedAdmin(payload: Payload, log: SeedLog, result: SeedResult): Promise<void> {
  const email = process.env.SEED_ADMIN_EMAIL
  const password = process.env.SEED_ADMIN_PASSWORD
  if (!email && !password) return
  const parsed = adminSchema.safeParse({ email, password, name: process.env.SEED_ADMIN_NAME || undefined })
  if (!parsed.success) throw new Error(`Seed admin: ${z.prettifyError(parsed.error)}`)
  const { docs } = await payload.find({
    collection: 'users',
    where: { email: { equals: parsed.data.email.toLowerCase() } },
    limit: 1,
    overrideAccess: true,
  })
  if (docs[0]) {
    result.unchanged++
    log(`  = users: ${parsed.data.email} (exists)`)
    return
  }
  await payload.create({
    collection: 'users',
    data: { ...parsed.data, role: 'admin' },
    overrideAccess: true,
    context,
  })
  result.created++
  log(`  + users: ${parsed.data.email} (admin)`)
}
