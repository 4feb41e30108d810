import type { CollectionConfig } from 'payload'
import type { Topic } from '@/payload-types'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { auditHooks } from '@/collections/AuditLog/hooks/auditTrail'
import { slugRedirectHooks } from '@/collections/Redirects/hooks/redirectOnSlugChange'
import { authorshipFields, stampAuthorship } from '@/fields/authorship'
import { slugField } from '@/fields/slug'
import { TAGS } from '@/lib/cache-tags'
import { PATHS } from '@/lib/paths'
import { revalidationHooks } from '@/lib/revalidate'
import { searchIndexHooks } from '@/lib/search-index'
import { respectLocksInGraphQL } from '@/lib/document-locks'

const revalidation = revalidationHooks<Topic>((doc, previousDoc) => ({
  // Topic names show on story pages and lists as well as on the topic's own page.
  tags: [TAGS.topics],
  paths: [doc.slug, previousDoc?.slug].filter((s): s is string => !!s).map(PATHS.topic),
}))
const audit = auditHooks()
const search = searchIndexHooks('topic')
const redirects = slugRedirectHooks(PATHS.topic)

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: {
    singular: { da: 'Emne', en: 'Topic' },
    plural: { da: 'Emner', en: 'Topics' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    group: { da: 'Indhold', en: 'Content' },
  },
  defaultSort: 'name',
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  hooks: {
    beforeOperation: [respectLocksInGraphQL],
    beforeChange: [stampAuthorship, ...audit.beforeChange, ...redirects.beforeChange],
    afterChange: [
      ...redirects.afterChange,
      ...search.afterChange,
      ...revalidation.afterChange,
      ...audit.afterChange,
    ],
    afterDelete: [...search.afterDelete, ...revalidation.afterDelete, ...audit.afterDelete],
  },
  fields: [
    { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' }, required: true },
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', label: { da: 'Beskrivelse', en: 'Description' } },
    ...authorshipFields(),
  ],
}
