import { BlocksFeature, LinkFeature, lexicalEditor } from '@payloadcms/richtext-lexical'
import type { Block, TextFieldSingleValidation } from 'payload'
import { validateHref } from '@/lib/richtext/safe-url'

/**
 * The rich-text editor used for body text: Payload's default features, links restricted to safe
 * protocols, plus the given blocks. Uploads and inline relationships are off; images go in the hero and
 * quotes go in through their block, so every piece of content keeps one place in the model.
 */
export function bodyEditor(blocks: Block[]) {
  return lexicalEditor({
    features: ({ defaultFeatures }) => [
      ...defaultFeatures.filter(
        (feature) =>
          !['upload', 'relationship', 'link', 'checklist', 'inlineCode', 'subscript', 'superscript'].includes(
            feature.key,
          ),
      ),
      LinkFeature({
        enabledCollections: ['articles'],
        fields: ({ defaultFields }) =>
          defaultFields.map((field) => {
            if (field.type !== 'text' || field.name !== 'url' || field.hasMany) return field
            const validate: TextFieldSingleValidation = (value, { siblingData }) =>
              (siblingData as { linkType?: string }).linkType === 'internal' ? true : validateHref(value)
            return { ...field, validate }
          }),
      }),
      ...(blocks.length > 0 ? [BlocksFeature({ blocks })] : []),
    ],
  })
}
