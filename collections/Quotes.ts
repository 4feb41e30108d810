import type { CollectionConfig, PayloadRequest } from 'payload'
import type { Quote } from '@/payload-types'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { TAGS } from '@/lib/cache-tags'
import { indexDocument } from '@/lib/search-index'
import { editorialCollection } from '@/plugins/editorial'

/** A story's search index holds its quotes' text, so the story it belongs to (before and after) is reindexed. */
const reindexStories = async ({
  doc,
  previousDoc,
  req,
}: {
  doc: Quote
  previousDoc?: Quote
  req: PayloadRequest
}) => {
  const ids = new Set(
    [doc.article, previousDoc?.article]
      .map((a) => (typeof a === 'object' && a ? a.id : a))
      .filter((a) => a !== null && a !== undefined),
  )
  for (const id of ids) await indexDocument(req.payload, 'story', id, req)
  return doc
}

/**
 * Quotes are documents of their own so one quote can be the pull quote, appear inline in the body and be
 * listed on the speaker's page, while being typed (and corrected) once.
 */
export const Quotes: CollectionConfig = {
  slug: 'quotes',
  labels: {
    singular: { da: 'Citat', en: 'Quote' },
    plural: { da: 'Citater', en: 'Quotes' },
  },
  admin: {
    useAsTitle: 'text',
    defaultColumns: ['text', 'speaker', 'article', 'updatedAt'],
    group: ADMIN_GROUPS.content,
  },
  defaultSort: '-updatedAt',
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection<Quote>({ revalidate: () => ({ tags: [TAGS.quotes] }) }),
  // After the editorial plugin's revalidation, before its audit entry.
  hooks: {
    afterChange: [reindexStories],
    afterDelete: [reindexStories],
  },
  fields: [
    {
      name: 'text',
      type: 'textarea',
      label: { da: 'Citat', en: 'Quote' },
      required: true,
      admin: {
        description: { da: 'Uden anførselstegn; dem sætter sitet selv.', en: 'Without quotation marks.' },
      },
    },
    {
      name: 'speaker',
      type: 'relationship',
      relationTo: ['interns', 'contacts'],
      label: { da: 'Hvem siger det', en: 'Speaker' },
      admin: {
        description: {
          da: 'En praktikant eller kontaktperson. Er personen ingen af delene, så brug feltet herunder.',
          en: 'An intern or contact; otherwise use the free-text attribution below.',
        },
      },
    },
    {
      name: 'attribution',
      type: 'text',
      label: { da: 'Afsender (fritekst)', en: 'Attribution (free text)' },
      admin: {
        description: {
          da: 'Kun for personer, der hverken er praktikant eller kontaktperson, fx "Borgmester, Faxe Kommune".',
          en: 'For people who are neither an intern nor a contact.',
        },
      },
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      label: { da: 'Historie', en: 'Story' },
      admin: { position: 'sidebar' },
    },
  ],
}
