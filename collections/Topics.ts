import type { CollectionConfig } from 'payload'
import type { Topic } from '@/payload-types'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { slugField } from '@/fields/slug'
import { nameField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { TAGS } from '@/lib/cache-tags'
import { PATHS } from '@/lib/paths'
import type { Targets } from '@/lib/revalidate'
import { editorialCollection } from '@/plugins/editorial'

const topicTargets = (doc: Topic, previousDoc?: Topic): Targets => ({
  // Topic names show on story pages and lists as well as on the topic's own page.
  tags: [TAGS.topics],
  paths: [doc.slug, previousDoc?.slug].filter((s): s is string => !!s).map(PATHS.topic),
})

export const Topics: CollectionConfig = {
  slug: 'topics',
  labels: {
    singular: { da: 'Emne', en: 'Topic' },
    plural: { da: 'Emner', en: 'Topics' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'slug', 'updatedAt'],
    group: ADMIN_GROUPS.content,
  },
  defaultSort: 'name',
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection({ search: 'topic', revalidate: topicTargets, slugRedirects: PATHS.topic }),
  fields: [
    nameField(),
    slugField({ from: 'name' }),
    { name: 'description', type: 'textarea', label: { da: 'Beskrivelse', en: 'Description' } },
  ],
}
