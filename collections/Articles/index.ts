import type { CollectionConfig } from 'payload'
import { isEditor } from '@/access/isEditor'
import { publishedOrEditor } from '@/access/publishedOrEditor'
import { seoField } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { titleField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { PATHS } from '@/lib/paths'
import { previewAdmin } from '@/lib/preview'
import { bodyEditor } from '@/lib/richtext/editor'
import { editorialCollection } from '@/plugins/editorial'
import { InlineQuoteBlock, ReadAlsoBlock, VideoEmbedBlock } from './blocks'
import { articleTargets } from './hooks/revalidateArticle'
import { setContentUpdatedAt } from './hooks/setContentUpdatedAt'
import { setPublishedAt } from './hooks/setPublishedAt'

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: {
    singular: { da: 'Historie', en: 'Story' },
    plural: { da: 'Historier', en: 'Stories' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', '_status', 'publishedAt', 'updatedAt'],
    listSearchableFields: ['title', 'lead', 'slug'],
    group: ADMIN_GROUPS.content,
    ...previewAdmin(PATHS.story),
  },
  defaultSort: '-publishedAt',
  // Every list of stories (home, /historier, topics, feed, sitemap, the REST list) filters on the status and
  // sorts by publication date: with this index the database walks the rows in order instead of sorting
  // every published story for each page (measured by `npm run bench` at 10,000 stories).
  indexes: [{ fields: ['_status', 'publishedAt'] }],
  access: {
    create: isEditor,
    read: publishedOrEditor,
    readVersions: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection({
    drafts: true,
    search: 'story',
    revalidate: articleTargets,
    slugRedirects: PATHS.story,
  }),
  // After the editorial plugin's authorship stamp, before it notes the public state for audit and redirects.
  hooks: {
    beforeChange: [setPublishedAt, setContentUpdatedAt],
  },
  fields: [
    titleField(),
    slugField({ from: 'title' }),
    {
      name: 'lead',
      type: 'textarea',
      label: { da: 'Manchet', en: 'Lead' },
      admin: {
        description: {
          da: 'Et par linjer, der fanger læseren. Vises på forsiden, i lister og under titlen.',
          en: 'A teaser shown on the home page, in lists and under the title.',
        },
      },
    },
    {
      name: 'heroImage',
      type: 'upload',
      relationTo: 'media',
      label: { da: 'Topbillede', en: 'Hero image' },
    },
    {
      name: 'body',
      type: 'richText',
      label: { da: 'Brødtekst', en: 'Body' },
      editor: bodyEditor([InlineQuoteBlock, VideoEmbedBlock, ReadAlsoBlock]),
      // Blocks in the body refer to quotes and stories by id. Expanding them on every read made each story
      // in a REST list cost a query per block; the site loads a story's quotes in one query of its own
      // (lib/data/quotes.ts), and API clients ask /api/quotes?where[article][equals]=<id>.
      maxDepth: 0,
    },
    {
      name: 'featuredQuote',
      type: 'relationship',
      relationTo: 'quotes',
      label: { da: 'Fremhævet citat', en: 'Pull quote' },
    },
    {
      type: 'row',
      fields: [
        {
          name: 'topics',
          type: 'relationship',
          relationTo: 'topics',
          hasMany: true,
          label: { da: 'Emner', en: 'Topics' },
        },
        {
          name: 'interns',
          type: 'relationship',
          relationTo: 'interns',
          hasMany: true,
          label: { da: 'Medvirkende praktikanter', en: 'Interns who appear' },
        },
      ],
    },
    {
      name: 'contacts',
      type: 'relationship',
      relationTo: 'contacts',
      hasMany: true,
      label: { da: 'Vil du vide mere? (kontaktpersoner)', en: 'Contacts ("Vil du vide mere?")' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { da: 'Udgivet', en: 'Published' },
      index: true,
      admin: {
        position: 'sidebar',
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd. MMMM yyyy HH:mm' },
        description: { da: 'Sættes automatisk ved første udgivelse.', en: 'Set on first publish.' },
      },
    },
    {
      // Set by collections/Articles/hooks/setContentUpdatedAt.ts, never by hand: the page's "Opdateret".
      name: 'contentUpdatedAt',
      type: 'date',
      label: { da: 'Indhold opdateret', en: 'Content updated' },
      admin: {
        position: 'sidebar',
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'd. MMMM yyyy HH:mm' },
        description: {
          da: 'Sættes, når en udgivet historie udgives igen med ændret indhold. Vises som »Opdateret« på siden.',
          en: 'Set when a published story is published again with changed content.',
        },
      },
    },
    seoField(),
  ],
}
