import type { GlobalConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { validateHref } from '@/lib/richtext/safe-url'
import { editorialGlobal } from '@/plugins/editorial'

export const Navigation: GlobalConfig = {
  slug: 'navigation',
  label: { da: 'Navigation', en: 'Navigation' },
  admin: { group: { da: 'Indstillinger', en: 'Settings' } },
  access: {
    read: anyone,
    readVersions: isAdmin,
    update: isAdmin,
  },
  versions: { max: 20 },
  custom: editorialGlobal(),
  fields: [
    {
      name: 'items',
      type: 'array',
      label: { da: 'Menupunkter', en: 'Menu items' },
      labels: { singular: { da: 'Menupunkt', en: 'Item' }, plural: { da: 'Menupunkter', en: 'Items' } },
      maxRows: 8,
      fields: [
        { name: 'label', type: 'text', required: true, label: { da: 'Tekst', en: 'Label' } },
        {
          name: 'href',
          type: 'text',
          required: true,
          label: { da: 'Link', en: 'URL' },
          validate: validateHref,
          admin: { description: { da: 'En sti på sitet, fx /historier, eller en fuld adresse.', en: '' } },
        },
      ],
    },
  ],
}
