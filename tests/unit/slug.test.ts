import { describe, expect, it } from 'vitest'
import { MAX_SLUG_LENGTH, slugify, uniqueSlug } from '@/lib/slug'

describe('slugify', () => {
  it('produces the seed story slug from its title', () => {
    expect(slugify('Innovationspraktikanter kiggede Faxe Kommune i kortene')).toBe(
      'innovationspraktikanter-kiggede-faxe-kommune-i-kortene',
    )
  })

  it('transliterates æ, ø and å the Danish way', () => {
    expect(slugify('Fællesskab på Sjælland')).toBe('faellesskab-paa-sjaelland')
    expect(slugify('Mørk rødgrød')).toBe('moerk-roedgroed')
  })

  it('transliterates upper-case Æ, Ø and Å too', () => {
    expect(slugify('ÆBLER ØL ÅEN')).toBe('aebler-oel-aaen')
    expect(slugify('Charlotte Åkerstrøm')).toBe('charlotte-aakerstroem')
  })

  it('treats decomposed (NFD) input like composed input', () => {
    const decomposed = 'Charlotte Åkerstrøm'.normalize('NFD')
    expect(decomposed).not.toBe('Charlotte Åkerstrøm')
    expect(slugify(decomposed)).toBe('charlotte-aakerstroem')
    expect(slugify('å'.normalize('NFD'))).toBe('aa')
  })

  it('strips other accents', () => {
    expect(slugify('Café Über Señor Ångström')).toBe('cafe-uber-senor-aangstrom')
  })

  it('turns runs of punctuation and space into one hyphen and trims the ends', () => {
    expect(slugify('  "Hvad nu?!" -- spurgte   hun…  ')).toBe('hvad-nu-spurgte-hun')
    expect(slugify('Herlev/Gentofte Hospital')).toBe('herlev-gentofte-hospital')
    expect(slugify('2017–2019: tre år')).toBe('2017-2019-tre-aar')
  })

  it('returns an empty string when nothing usable is left', () => {
    expect(slugify('!!! ???')).toBe('')
  })

  it('caps the length without leaving a trailing hyphen', () => {
    const slug = slugify(`${'ord '.repeat(60)}slut`)
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH)
    expect(slug.endsWith('-')).toBe(false)
  })
})

describe('uniqueSlug', () => {
  it('keeps a free slug as it is', async () => {
    expect(await uniqueSlug('historie', async () => false)).toBe('historie')
  })

  it('numbers duplicates from 2 upwards', async () => {
    const taken = new Set(['historie', 'historie-2'])
    expect(await uniqueSlug('historie', async (s) => taken.has(s))).toBe('historie-3')
  })

  it('keeps the suffix within the length cap', async () => {
    const base = 'a'.repeat(MAX_SLUG_LENGTH)
    const result = await uniqueSlug(base, async (s) => s === base)
    expect(result).toBe(`${'a'.repeat(MAX_SLUG_LENGTH - 2)}-2`)
  })
})
