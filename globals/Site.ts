import type { GlobalConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { bodyEditor } from '@/lib/richtext/editor'
import { settingsGlobal } from './settings'

export const Site: GlobalConfig = settingsGlobal({
  slug: 'site',
  label: { da: 'Sitet', en: 'Site' },
  access: {
    read: anyone,
    readVersions: isAdmin,
    update: isAdmin,
  },
  fields: [
    { name: 'name', type: 'text', label: { da: 'Sitets navn', en: 'Site name' }, required: true },
    {
      name: 'description',
      type: 'textarea',
      label: { da: 'Kort beskrivelse', en: 'Short description' },
      admin: {
        description: {
          da: 'Bruges af søgemaskiner og ved deling, når en side ikke har sin egen beskrivelse.',
          en: 'Default meta description.',
        },
      },
    },
    {
      name: 'about',
      type: 'richText',
      label: { da: 'Om programmet (siden /om)', en: 'About (the /om page)' },
      editor: bodyEditor([]),
    },
    {
      name: 'vision',
      type: 'group',
      label: { da: 'Vision', en: 'Vision' },
      fields: [
        {
          name: 'statement',
          type: 'text',
          label: { da: 'Vision', en: 'Vision statement' },
          admin: {
            description: {
              da: 'Fx "FAXE ER ET TILVALG - DET ER VORES VISION".',
              en: 'E.g. "FAXE ER ET TILVALG - DET ER VORES VISION".',
            },
          },
        },
        {
          name: 'motto',
          type: 'text',
          label: { da: 'Motto', en: 'Motto' },
          admin: { description: { da: 'Fx "SAMMEN kan vi MERE".', en: 'E.g. "SAMMEN kan vi MERE".' } },
        },
      ],
    },
    {
      name: 'dna',
      type: 'group',
      label: { da: 'En del af vores DNA', en: 'Part of our DNA' },
      fields: [
        { name: 'heading', type: 'text', label: { da: 'Overskrift', en: 'Heading' } },
        { name: 'goalLabel', type: 'text', label: { da: 'Mål: overskrift', en: 'Goal label' } },
        { name: 'goal', type: 'textarea', label: { da: 'Mål', en: 'Goal' } },
      ],
    },
  ],
})
