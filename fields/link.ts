import type { Field } from 'payload'
import { validateHref } from '@/lib/richtext/safe-url'

type LinkOptions = {
  /** Help under the address field, where a list's links need it. */
  hrefDescription?: { da: string; en: string }
}

/**
 * A link an editor types: its text and where it goes, a path on this site or a full address (only those
 * validateHref allows). lib/data reads each as a LinkView; menus and the footer alike.
 */
export function linkFields({ hrefDescription }: LinkOptions = {}): Field[] {
  return [
    { name: 'label', type: 'text', required: true, label: { da: 'Tekst', en: 'Label' } },
    {
      name: 'href',
      type: 'text',
      required: true,
      label: { da: 'Link', en: 'URL' },
      validate: validateHref,
      ...(hrefDescription ? { admin: { description: hrefDescription } } : {}),
    },
  ]
}
