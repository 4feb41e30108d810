import type { GlobalConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { linkFields } from '@/fields/link'
import { validateHref } from '@/lib/richtext/safe-url'
import { settingsGlobal } from './settings'

export const Footer: GlobalConfig = settingsGlobal({
  slug: 'footer',
  label: { da: 'Sidefod', en: 'Footer' },
  access: {
    read: anyone,
    readVersions: isAdmin,
    update: isAdmin,
  },
  fields: [
    {
      name: 'operatorLine',
      type: 'text',
      label: { da: 'Driftes af', en: 'Operated by' },
      admin: {
        description: {
          da: 'Fx "faxeifaellesskab.dk drives af".',
          en: 'E.g. "faxeifaellesskab.dk drives af".',
        },
      },
    },
    {
      name: 'addressLine',
      type: 'text',
      label: { da: 'Organisation og adresse', en: 'Organisation and address' },
      admin: {
        description: {
          da: 'Dele adskilles med |, fx "Faxe Kommune | Frederiksgade 9 | 4690 Haslev".',
          en: 'Parts separated by |, e.g. "Faxe Kommune | Frederiksgade 9 | 4690 Haslev".',
        },
      },
    },
    { name: 'editorLine', type: 'text', label: { da: 'Redaktør', en: 'Editor line' } },
    { name: 'copyrightLine', type: 'text', label: { da: 'Ophavsret', en: 'Copyright line' } },
    {
      name: 'accessibilityStatementUrl',
      type: 'text',
      label: { da: 'Link til tilgængelighedserklæringen', en: 'Accessibility statement URL' },
      validate: validateHref,
      admin: {
        description: {
          da: 'Offentlige websites skal linke til deres tilgængelighedserklæring (fx på was.digst.dk).',
          en: 'Required for Danish public-sector websites.',
        },
      },
    },
    {
      name: 'links',
      type: 'array',
      label: { da: 'Links i sidefoden', en: 'Footer links' },
      labels: { singular: { da: 'Link', en: 'Link' }, plural: { da: 'Links', en: 'Links' } },
      fields: linkFields(),
    },
  ],
})
