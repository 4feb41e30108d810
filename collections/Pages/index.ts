import type { CollectionConfig } from 'payload'
import type { Page } from '@/payload-types'
import { isEditor } from '@/access/isEditor'
import { publishedOrEditor } from '@/access/publishedOrEditor'
import { seoField } from '@/fields/seo'
import { slugField } from '@/fields/slug'
import { titleField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { TAGS } from '@/lib/cache-tags'
import { PATHS, RESERVED_PAGE_SLUGS } from '@/lib/paths'
import { previewAdmin } from '@/lib/preview'
import { bodyEditor } from '@/lib/richtext/editor'
import type { Targets } from '@/lib/revalidate'
import { editorialCollection } from '@/plugins/editorial'
import { ReadAlsoBlock, VideoEmbedBlock } from '../Articles/blocks'

const pageTargets = (doc: Page, previousDoc?: Page): Targets => ({
  tags: [TAGS.pages, ...[doc.slug, previousDoc?.slug].filter((s): s is string => !!s).map(TAGS.page)],
  paths: [doc.slug, previousDoc?.slug].filter((s): s is string => !!s).map(PATHS.page),
})

/**
 * Free pages at /<slug> ("Privatlivspolitik", "Om Faxe i Fællesskab" ...), so the editor can publish them
 * without a developer. Slugs that the site's own sections use are refused.
 */
export const Pages: CollectionConfig = {
  slug: 'pages',
  labels: {
    singular: { da: 'Side', en: 'Page' },
    plural: { da: 'Sider', en: 'Pages' },
  },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'updatedAt'],
    listSearchableFields: ['title', 'slug'],
    group: ADMIN_GROUPS.content,
    ...previewAdmin(PATHS.page),
  },
  defaultSort: 'title',
  access: {
    create: isEditor,
    read: publishedOrEditor,
    readVersions: isEditor,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection({
    drafts: true,
    search: 'page',
    revalidate: pageTargets,
    slugRedirects: PATHS.page,
  }),
  fields: [
    titleField(),
    {
      ...slugField({ from: 'title' }),
      validate: (value: unknown) =>
        typeof value === 'string' && RESERVED_PAGE_SLUGS.includes(value)
          ? `"${value}" bruges allerede af sitet (fx /${value}). Vælg en anden adresse.`
          : true,
    },
    {
      name: 'lead',
      type: 'textarea',
      label: { da: 'Indledning', en: 'Intro' },
    },
    {
      name: 'body',
      type: 'richText',
      label: { da: 'Indhold', en: 'Body' },
      editor: bodyEditor([VideoEmbedBlock, ReadAlsoBlock]),
    },
    seoField(),
  ],
}
