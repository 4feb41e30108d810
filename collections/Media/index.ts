import type { CollectionConfig } from 'payload'
import { anyone } from '@/access/anyone'
import { isEditor } from '@/access/isEditor'
import { env } from '@/lib/env'
import type { Media as MediaDoc } from '@/payload-types'
import { TAGS } from '@/lib/cache-tags'
import { revalidationHooks } from '@/lib/revalidate'

/** Raster images only: SVG, XML and HTML can carry script and are refused outright. */
export const ALLOWED_IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/avif'] as const

export const Media: CollectionConfig = {
  slug: 'media',
  labels: {
    singular: { da: 'Billede', en: 'Image' },
    plural: { da: 'Billeder', en: 'Images' },
  },
  admin: {
    useAsTitle: 'alt',
    defaultColumns: ['filename', 'alt', 'updatedAt'],
    group: { da: 'Indhold', en: 'Content' },
  },
  access: {
    create: isEditor,
    read: anyone,
    update: isEditor,
    delete: isEditor,
  },
  upload: {
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
  hooks: revalidationHooks<MediaDoc>(() => ({ tags: [TAGS.media] })),
  fields: [
    {
      name: 'alt',
      type: 'text',
      label: { da: 'Alternativ tekst', en: 'Alt text' },
      required: true,
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
