/**
 * URL slugs for Danish content: lowercase, NFC, æ/ø/å transliterated the Danish way (æ -> ae, ø -> oe,
 * å -> aa), other accents stripped, and every run of anything else collapsed to one hyphen.
 */

const DANISH: Record<string, string> = {
  æ: 'ae',
  ø: 'oe',
  å: 'aa',
  Æ: 'ae',
  Ø: 'oe',
  Å: 'aa',
  // Letters that do not decompose into base + accent under NFD.
  ß: 'ss',
  đ: 'd',
  Đ: 'd',
  ł: 'l',
  Ł: 'l',
  œ: 'oe',
  Œ: 'oe',
  þ: 'th',
  Þ: 'th',
}

export const MAX_SLUG_LENGTH = 120

export function slugify(input: string): string {
  // NFC first so a decomposed "å" (a + ring) is recognised as å and becomes "aa", not "a".
  const composed = input.normalize('NFC')
  const transliterated = composed.replace(/[æøåÆØÅßđĐłŁœŒþÞ]/g, (ch) => DANISH[ch] ?? ch)
  const stripped = transliterated.normalize('NFD').replace(/\p{M}+/gu, '')
  const slug = stripped
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug.slice(0, MAX_SLUG_LENGTH).replace(/-+$/g, '')
}

/** `base`, or `base-2`, `base-3`, ... : the first candidate `isTaken` says is free. */
export async function uniqueSlug(
  base: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  const root = base || 'side'
  if (!(await isTaken(root))) return root
  for (let n = 2; n < 1000; n++) {
    const suffix = `-${n}`
    const candidate = `${root.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/g, '')}${suffix}`
    if (!(await isTaken(candidate))) return candidate
  }
  throw new Error(`No free slug found for "${root}"`)
}
