import type { CollectionConfig } from 'payload'
import { consentedMediaOrEditor } from '@/access/consentedMediaOrEditor'
import { isEditor } from '@/access/isEditor'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { env } from '@/lib/env'
import type { Media as MediaDoc } from '@/payload-types'
import { TAGS } from '@/lib/cache-tags'
import { editorialCollection } from '@/plugins/editorial'
import { respectLocksInGraphQL } from '@/plugins/editorial/hooks/locks'
import { sanitiseUpload } from './hooks/sanitiseUpload'

/** Raster images only: SVG, XML and HTML can carry script and are refused outright. */
export const ALLOWED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const

/**
 * Alt text is required, and must describe the image: a file name or camera number ("IMG_2041.jpg") tells a
 * screen-reader user nothing. (A custom validate replaces Payload's own required check, so it is here too.)
 */
function validateAlt(value: unknown): true | string {
  const text = typeof value === 'string' ? value.trim() : ''
  if (text.length < 3) {
    return 'Skriv en alternativ tekst på dansk, der beskriver billedet (fx "Tre praktikanter ved et bord på rådhuset").'
  }
  if (
    /\.(jpe?g|png|webp|avif|gif|heic|tiff?)$/i.test(text) ||
    /^(img|dsc|dscn|pxl|image|billede)[-_ ]?\d+$/i.test(text)
  ) {
    return 'Den alternative tekst ligner et filnavn. Beskriv i stedet, hvad billedet viser.'
  }
  return true
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { da: 'Billede', en: 'Image' },
    plural: { da: 'Billeder', en: 'Images' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'updatedAt'],
    group: ADMIN_GROUPS.content,
  },
  access: {
    create: isEditor,
    // Public, except an intern's photo without the intern's consent (see the rule).
    read: consentedMediaOrEditor,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
    // Size limit: `upload.limits` in payload.config.ts (413 while an upload streams in) and
    // hooks/sanitiseUpload.ts (the Local API).
    staticDir: env().mediaDir,
    mimeTypes: [...ALLOWED_IMAGE_TYPES],
    focalPoint: true,
    // No "paste from URL": the server never fetches a file from an address an editor typed.
    pasteURL: false,
    imageSizes: [
      { name: 'card', width: 640, height: 400, position: 'focalpoint' },
      { name: 'hero', width: 1600, height: undefined, withoutEnlargement: true },
      { name: 'og', width: 1200, height: 630, position: 'focalpoint' },
    ],
    adminThumbnail: 'card',
  },
  // An image (or its alt text) can appear on any page, so every page that reads media is refreshed.
  custom: editorialCollection<MediaDoc>({ revalidate: () => ({ tags: [TAGS.media] }) }),
  hooks: {
    // The upload is sanitised first; the editorial lock check is listed here so that it stays second.
    beforeOperation: [sanitiseUpload, respectLocksInGraphQL],
  },
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { da: 'Alternativ tekst', en: 'Alt text' },
      required: true,
      validate: validateAlt,
      admin: {
        description: {
          da: 'Beskriv billedet på dansk for dem, der ikke kan se det (fx "Tre praktikanter ved et bord på rådhuset").',
          en: 'Describe the image in Danish for people who cannot see it.',
        },
      },
    },
    {
      name: 'caption',
      type: 'text',
      label: { da: 'Billedtekst', en: 'Caption' },
    },
  ],
}
