import type { CollectionConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { nobodyField } from '@/access/nobody'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { normaliseWith, redirectFrom, redirectTo } from '@/lib/redirects'
import { editorialCollection } from '@/plugins/editorial'
import {
  flattenChains,
  invalidateRedirectMap,
  invalidateRedirectMapOnDelete,
  validateFrom,
  validateTo,
} from './hooks/rules'

/**
 * Old addresses that lead on to new ones: added by hand (addresses from the old site) or automatically when
 * a published story or page gets a new slug (plugins/editorial/hooks/slug-redirects.ts). A page that has nothing at
 * the old address answers with the rule (lib/data/redirects.ts): 308 for a permanent rule, 307 for a
 * temporary one (a page can answer no other redirect; the stored values 301/302 keep their meaning).
 * Rules are public by nature (asking for the old address shows where it leads), so
 * anyone may read them; editors manage them.
 */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: {
    singular: { da: 'Omdirigering', en: 'Redirect' },
    plural: { da: 'Omdirigeringer', en: 'Redirects' },
  },
  admin: {
    useAsTitle: 'from',
    defaultColumns: ['from', 'to', 'type', 'automatic', 'updatedAt'],
    listSearchableFields: ['from', 'to'],
    group: ADMIN_GROUPS.content,
    description: {
      da: 'Gamle adresser, der sender læseren videre til en ny. Oprettes automatisk, når en udgivet historie eller side får en ny adresse; tilføj selv adresser fra det gamle site.',
      en: 'Old addresses that lead on to new ones.',
    },
  },
  defaultSort: 'from',
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  custom: editorialCollection(),
  hooks: {
    afterChange: [flattenChains, invalidateRedirectMap],
    afterDelete: [invalidateRedirectMapOnDelete],
  },
  fields: [
    {
      name: 'from',
      type: 'text',
      label: { da: 'Fra (gammel adresse)', en: 'From (old address)' },
      required: true,
      unique: true,
      index: true,
      validate: validateFrom,
      hooks: { beforeValidate: [normaliseWith(redirectFrom)] },
      admin: {
        description: {
          da: 'Stien på dette site, der skal sende videre, fx /historier/gammel-titel eller /nyheder/2019/projekt.',
          en: 'The path on this site, e.g. /historier/old-title.',
        },
      },
    },
    {
      name: 'to',
      type: 'text',
      label: { da: 'Til (ny adresse)', en: 'To (new address)' },
      required: true,
      validate: validateTo,
      hooks: { beforeValidate: [normaliseWith(redirectTo)] },
      admin: {
        description: {
          da: 'Stien, læseren skal sendes til, fx /historier/ny-titel.',
          en: 'The path readers are sent to.',
        },
      },
    },
    {
      name: 'type',
      type: 'select',
      label: { da: 'Type', en: 'Type' },
      required: true,
      defaultValue: '301',
      options: [
        { value: '301', label: { da: 'Permanent', en: 'Permanent' } },
        { value: '302', label: { da: 'Midlertidig', en: 'Temporary' } },
      ],
      admin: {
        position: 'sidebar',
        description: {
          da: 'Permanent fortæller søgemaskiner, at den nye adresse afløser den gamle. Vælg det, medmindre siden kommer tilbage.',
          en: 'Permanent tells search engines the new address replaces the old one.',
        },
      },
    },
    {
      name: 'automatic',
      type: 'checkbox',
      label: { da: 'Oprettet automatisk', en: 'Created automatically' },
      defaultValue: false,
      // Set by the slug-change hook only.
      access: { create: nobodyField, update: nobodyField },
      admin: {
        position: 'sidebar',
        readOnly: true,
        description: {
          da: 'Sat, når omdirigeringen blev lavet, fordi en udgivet historie eller side fik ny adresse.',
          en: 'Set when a published story or page got a new slug.',
        },
      },
    },
  ],
}
