import type { CollectionConfig } from 'payload'
import type { Intern } from '@/payload-types'
import { consentingOrEditor } from '@/access/consentingOrEditor'
import { isEditor, isEditorField } from '@/access/isEditor'
import { slugField } from '@/fields/slug'
import { nameField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { TAGS } from '@/lib/cache-tags'
import { PATHS } from '@/lib/paths'
import type { Targets } from '@/lib/revalidate'
import { editorialCollection } from '@/plugins/editorial'

/** Field access for the consent record: read and written by editors only, never public. */
const consentAccess = { read: isEditorField, create: isEditorField, update: isEditorField }

// An intern's consent also decides whether their photo is public (access/consentedMediaOrEditor.ts), so
// whatever shows that image (a story's hero, say) is refreshed with the intern.
const internTargets = (doc: Intern, previousDoc?: Intern): Targets => ({
  tags: [TAGS.interns, TAGS.media],
  paths: [PATHS.interns, ...[doc.slug, previousDoc?.slug].filter((s): s is string => !!s).map(PATHS.intern)],
})

/**
 * Visiting innovation interns. They are not municipal staff, so an intern is public only with a recorded
 * publication consent, and the consent record itself is never public.
 */
export const Interns: CollectionConfig = {
  slug: 'interns',
  labels: {
    singular: { da: 'Innovationspraktikant', en: 'Intern' },
    plural: { da: 'Innovationspraktikanter', en: 'Interns' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'organisation', 'role', 'publicationConsent'],
    group: ADMIN_GROUPS.people,
  },
  defaultSort: 'name',
  access: {
    create: isEditor,
    read: consentingOrEditor,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection({ search: 'intern', revalidate: internTargets }),
  fields: [
    nameField(),
    slugField({ from: 'name' }),
    {
      name: 'role',
      type: 'text',
      label: { da: 'Stilling', en: 'Job title' },
      admin: { description: { da: 'Fx "udviklingskonsulent".', en: 'E.g. "development consultant".' } },
    },
    { name: 'organisation', type: 'text', label: { da: 'Organisation', en: 'Organisation' } },
    {
      name: 'programme',
      type: 'text',
      label: { da: 'Forløb', en: 'Programme' },
      admin: {
        description: {
          da: 'Fx "Center for Offentlig Innovations innovationspraktik".',
          en: 'E.g. the COI innovation internship.',
        },
      },
    },
    {
      name: 'year',
      type: 'number',
      label: { da: 'År', en: 'Year' },
      min: 2000,
      max: 2100,
    },
    { name: 'bio', type: 'textarea', label: { da: 'Om praktikanten', en: 'Bio' } },
    {
      name: 'photo',
      type: 'upload',
      relationTo: 'media',
      label: { da: 'Foto', en: 'Photo' },
      admin: {
        description: {
          da: 'Vises kun, når praktikanten har givet samtykke til offentliggørelse.',
          en: 'Shown only with publication consent.',
        },
      },
    },
    {
      name: 'publicationConsent',
      type: 'checkbox',
      label: { da: 'Samtykke til offentliggørelse', en: 'Publication consent' },
      defaultValue: false,
      access: consentAccess,
      admin: {
        position: 'sidebar',
        description: {
          da: 'Praktikanten vises kun på sitet, når samtykket er registreret.',
          en: 'The intern is public only when consent is recorded.',
        },
      },
    },
    {
      name: 'consentRecordedAt',
      type: 'date',
      label: { da: 'Samtykke registreret', en: 'Consent recorded' },
      access: consentAccess,
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayOnly', displayFormat: 'd. MMMM yyyy' } },
    },
    {
      name: 'consentNote',
      type: 'textarea',
      label: { da: 'Samtykke: note', en: 'Consent note' },
      access: consentAccess,
      admin: {
        position: 'sidebar',
        description: {
          da: 'Hvordan og hvornår samtykket blev givet. Vises aldrig offentligt.',
          en: 'Never public.',
        },
      },
    },
  ],
}
