import type { CollectionConfig } from 'payload'
import type { Contact } from '@/payload-types'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { slugField } from '@/fields/slug'
import { nameField } from '@/fields/title'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { TAGS } from '@/lib/cache-tags'
import { editorialCollection } from '@/plugins/editorial'

/**
 * The people to call. Their work details (name, title, work e-mail and phone) are public by design;
 * nothing private belongs here.
 */
export const Contacts: CollectionConfig = {
  slug: 'contacts',
  labels: {
    singular: { da: 'Kontaktperson', en: 'Contact' },
    plural: { da: 'Kontaktpersoner', en: 'Contacts' },
  },
  admin: {
    useAsTitle: 'name',
    defaultColumns: ['name', 'title', 'email', 'sortOrder'],
    group: ADMIN_GROUPS.people,
    description: {
      da: 'Personer, læserne kan kontakte. Navn, titel, arbejdsmail og -telefon vises offentligt.',
      en: 'People readers can contact. Name, title, work e-mail and phone are public.',
    },
  },
  defaultSort: 'sortOrder',
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection<Contact>({ search: 'contact', revalidate: () => ({ tags: [TAGS.contacts] }) }),
  fields: [
    nameField(),
    slugField({ from: 'name' }),
    { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' } },
    { name: 'organisation', type: 'text', label: { da: 'Organisation', en: 'Organisation' } },
    { name: 'email', type: 'email', label: { da: 'E-mail (arbejde)', en: 'Work e-mail' } },
    {
      name: 'phone',
      type: 'text',
      label: { da: 'Telefon (arbejde)', en: 'Work phone' },
      validate: (value: unknown) =>
        value == null || value === '' || /^\+?[0-9 ()-]{6,20}$/.test(String(value))
          ? true
          : 'Skriv et telefonnummer med cifre, mellemrum og evt. +45, fx +45 56 20 30 00.',
    },
    { name: 'photo', type: 'upload', relationTo: 'media', label: { da: 'Foto', en: 'Photo' } },
    {
      name: 'sortOrder',
      type: 'number',
      label: { da: 'Rækkefølge', en: 'Sort order' },
      defaultValue: 100,
      admin: {
        position: 'sidebar',
        description: { da: 'Lavere tal vises først.', en: 'Lower numbers come first.' },
      },
    },
  ],
}
