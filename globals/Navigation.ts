import type { GlobalConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isAdmin } from '@/access/isAdmin'
import { linkFields } from '@/fields/link'
import { settingsGlobal } from './settings'

export const Navigation: GlobalConfig = settingsGlobal({
  slug: 'navigation',
  label: { da: 'Navigation', en: 'Navigation' },
  access: {
    read: anyone,
    readVersions: isAdmin,
    update: isAdmin,
  },
  fields: [
    {
      name: 'items',
      type: 'array',
      label: { da: 'Menupunkter', en: 'Menu items' },
      labels: { singular: { da: 'Menupunkt', en: 'Item' }, plural: { da: 'Menupunkter', en: 'Items' } },
      maxRows: 8,
      fields: linkFields({
        hrefDescription: {
          da: 'En sti på sitet, fx /historier, eller en fuld adresse.',
          en: 'A path on the site, e.g. /historier, or a full URL.',
        },
      }),
    },
  ],
})
