import type { Block } from 'payload'
import { validateHref } from '@/lib/richtext/safe-url'
import { validateVideoUrl } from '@/lib/richtext/video'

/** A quote from the `quotes` collection, set off in the running text with its speaker. */
export const InlineQuoteBlock: Block = {
  slug: 'inlineQuote',
  interfaceName: 'InlineQuoteBlock',
  labels: { singular: { da: 'Citat', en: 'Quote' }, plural: { da: 'Citater', en: 'Quotes' } },
  fields: [
    {
      name: 'quote',
      type: 'relationship',
      relationTo: 'quotes',
      required: true,
      label: { da: 'Citat', en: 'Quote' },
    },
    {
      // The quote document names its speaker once for every page that shows it; a story often words the
      // attribution itself ("fortæller proceslederen for Faxe i Fællesskab"), and that sentence is the
      // story's, so it lives here beside the quote rather than in the quote document.
      name: 'leadIn',
      type: 'text',
      label: { da: 'Tekst efter citatet', en: 'Text after the quote' },
      admin: {
        description: {
          da: 'Fx »fortæller proceslederen for Faxe i Fællesskab.« Vises i stedet for citatets afsender.',
          en: 'E.g. "says the process leader". Shown instead of the speaker.',
        },
      },
    },
    {
      name: 'continuesPrevious',
      type: 'checkbox',
      defaultValue: false,
      label: {
        da: 'Fortsætter det forrige citat (vis ingen afsender)',
        en: 'Continues the previous quote (no speaker shown)',
      },
    },
  ],
}

/** A video that loads from its host only after the reader clicks. */
export const VideoEmbedBlock: Block = {
  slug: 'videoEmbed',
  interfaceName: 'VideoEmbedBlock',
  labels: { singular: { da: 'Video', en: 'Video' }, plural: { da: 'Videoer', en: 'Videos' } },
  fields: [
    {
      name: 'url',
      type: 'text',
      label: { da: 'Link til videoen (YouTube eller Vimeo)', en: 'Video URL (YouTube or Vimeo)' },
      validate: validateVideoUrl,
      admin: {
        description: {
          da: 'Videoen hentes først, når læseren klikker. Uden link vises videoen og billedteksten slet ikke for læserne.',
          en: 'Loaded only after the reader clicks. Without a URL neither the video nor its caption is shown.',
        },
      },
    },
    {
      // Shown only while the address is empty: readers see nothing of such a block, so the editor is told.
      name: 'missingUrlNotice',
      type: 'ui',
      admin: {
        condition: (_data, siblingData) => !String(siblingData?.url ?? '').trim(),
        components: { Field: '/components/admin/VideoMissingUrl#VideoMissingUrl' },
      },
    },
    { name: 'caption', type: 'text', label: { da: 'Billedtekst', en: 'Caption' } },
  ],
}

/** "Læs også": a pointer to another story here or to a page elsewhere. */
export const ReadAlsoBlock: Block = {
  slug: 'readAlso',
  interfaceName: 'ReadAlsoBlock',
  labels: { singular: { da: 'Læs også', en: 'Read also' }, plural: { da: 'Læs også', en: 'Read also' } },
  fields: [
    { name: 'label', type: 'text', required: true, label: { da: 'Tekst', en: 'Text' } },
    {
      name: 'article',
      type: 'relationship',
      relationTo: 'articles',
      label: { da: 'Historie på dette site', en: 'Story on this site' },
    },
    {
      name: 'url',
      type: 'text',
      label: { da: 'Eller et link', en: 'Or a URL' },
      validate: validateHref,
      admin: {
        description: {
          da: 'Bruges, når der ikke er valgt en historie. Uden mål vises teksten uden link.',
          en: 'Used when no story is chosen.',
        },
      },
    },
  ],
}
