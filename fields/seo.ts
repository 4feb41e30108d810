import type { GroupField } from 'payload'

/** Search-engine and link-preview overrides; each falls back to the document's own title, lead and image. */
export function seoField(): GroupField {
  return {
    name: 'seo',
    type: 'group',
    label: { da: 'Søgemaskiner og deling', en: 'SEO' },
    admin: {
      description: {
        da: 'Valgfrit. Tomme felter udfyldes fra titel, manchet og billede.',
        en: 'Optional. Empty fields fall back to title, lead and image.',
      },
    },
    fields: [
      {
        name: 'title',
        type: 'text',
        label: { da: 'Titel til søgemaskiner', en: 'Meta title' },
        maxLength: 70,
      },
      {
        name: 'description',
        type: 'textarea',
        label: { da: 'Beskrivelse til søgemaskiner', en: 'Meta description' },
        maxLength: 200,
      },
      {
        name: 'image',
        type: 'upload',
        relationTo: 'media',
        label: { da: 'Delingsbillede (1200 × 630)', en: 'Share image' },
      },
    ],
  }
}
