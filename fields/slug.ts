import type { CollectionSlug, FieldHook, TextField } from 'payload'
import { slugify, uniqueSlug } from '@/lib/slug'

type SlugOptions = {
  /** The field the slug is generated from when the editor leaves it empty. */
  from: string
}

/**
 * A unique, editable slug. Left empty, it is generated from `from`; typed by hand, it is normalised by the
 * same rules. A clash gets a numbered suffix rather than an error, so saving never fails on a slug.
 */
export function slugField({ from }: SlugOptions): TextField {
  const normalise: FieldHook = async ({ value, data, originalDoc, collection, req, operation }) => {
    const source = typeof value === 'string' && value.trim() !== '' ? value : data?.[from]
    if (typeof source !== 'string' || source.trim() === '') {
      // Nothing to generate from yet (an autosaved draft without a title): keep what was there.
      return typeof originalDoc?.slug === 'string' ? originalDoc.slug : value
    }
    const base = slugify(source)
    if (!collection) return base
    const ownId = operation === 'update' ? originalDoc?.id : undefined
    return uniqueSlug(base, async (candidate) => {
      const { totalDocs } = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        // Uniqueness is a storage rule, not a visibility rule: drafts and hidden documents count too.
        overrideAccess: true,
        req,
        where: {
          and: [
            { slug: { equals: candidate } },
            ...(ownId !== undefined ? [{ id: { not_equals: ownId } }] : []),
          ],
        },
      })
      return totalDocs > 0
    })
  }

  return {
    name: 'slug',
    type: 'text',
    label: { da: 'Slug (webadresse)', en: 'Slug' },
    unique: true,
    index: true,
    admin: {
      position: 'sidebar',
      description: {
        da: `Udfyldes automatisk, hvis feltet er tomt. Kun små bogstaver, tal og bindestreger; æ, ø og å bliver til ae, oe og aa.`,
        en: `Generated from "${from}" when left empty.`,
      },
    },
    hooks: { beforeValidate: [normalise] },
  }
}
