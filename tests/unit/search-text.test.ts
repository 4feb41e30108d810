import { describe, expect, it } from 'vitest'
import {
  fold,
  fts5Query,
  highlightTerms,
  indexTerms,
  parseQuery,
  snippetAround,
  stem,
  tsQuery,
} from '@/lib/search-text'

describe('Danish folding', () => {
  it('folds case, æ/ø/å to ae/oe/aa and accents away, on composed and decomposed text', () => {
    expect(fold('Fællesskab')).toBe('faellesskab')
    expect(fold('PRAKSISNÆRHED')).toBe('praksisnaerhed')
    expect(fold('Børager')).toBe('boerager')
    expect(fold('Åkerstrøm')).toBe('aakerstroem')
    expect(fold('Åkerstrøm'.normalize('NFD'))).toBe('aakerstroem')
    expect(fold('Café Über')).toBe('cafe uber')
  })

  it('gives the same terms for both ways of writing æ, ø and å', () => {
    expect(indexTerms('Fællesskab og praksisnærhed i Århus')).toBe(
      indexTerms('faellesskab og praksisnaerhed i aarhus'),
    )
  })
})

describe('stemming', () => {
  it('brings inflected forms of a word to one stem', () => {
    expect(stem('praktikanter')).toBe(stem('praktikant'))
    expect(stem('praktikanten')).toBe(stem('praktikant'))
    expect(stem(fold('fællesskabet'))).toBe(stem(fold('fællesskab')))
  })
})

describe('parsing queries', () => {
  it('makes every word a quoted term: no character of the query is an operator', () => {
    for (const q of ['"', '*', '-', 'NEAR', '(', ':', '^', 'a OR b', 'NOT x', 'x AND', '{title}: y']) {
      const match = fts5Query(parseQuery(q))
      if (match !== null) expect(match).toMatch(/^("[\p{L}\p{N} ]+"\*?)( AND "[\p{L}\p{N} ]+"\*?)*$/u)
      const ts = tsQuery(parseQuery(q))
      if (ts !== null) expect(ts).toMatch(/^[\p{L}\p{N}' &<>():*-]+$/u)
    }
    expect(fts5Query(parseQuery('NEAR(ab cd)'))).toBe('"near" AND "ab" AND "cd"*')
    expect(fts5Query(parseQuery('-*^:("'))).toBeNull()
  })

  it('keeps quoted words together as a phrase, an unbalanced quote running to the end', () => {
    expect(parseQuery('"struktureret program" faxe ').groups.map((g) => [g.words, g.phrase])).toEqual([
      [['struktureret', 'program'], true],
      [['faxe'], false],
    ])
    expect(parseQuery('faxe "struktureret program').groups.at(-1)).toMatchObject({
      words: ['struktureret', 'program'],
      phrase: true,
    })
  })

  it('treats the last word as a prefix only while it is being typed', () => {
    expect(parseQuery('prakt').groups[0]?.prefix).toBe(true)
    expect(parseQuery('prakt ').groups[0]?.prefix).toBe(false)
    expect(parseQuery('a').groups[0]?.prefix).toBe(false)
    expect(tsQuery(parseQuery('innovations prakt'))).toBe("'innovations' & 'prakt':*")
  })

  it('bounds the work of a long query', () => {
    expect(parseQuery('ord '.repeat(250)).groups).toHaveLength(12)
  })
})

describe('highlighting', () => {
  it('marks words by stem after folding, and leaves the shown text as it was', () => {
    const parsed = parseQuery('faellesskab praktikant ')
    const segments = highlightTerms('Praktikanterne fandt <b>Fællesskabet</b>.', parsed)
    expect(segments.filter((s) => s.match).map((s) => s.text)).toEqual(['Praktikanterne', 'Fællesskabet'])
    expect(segments.map((s) => s.text).join('')).toBe('Praktikanterne fandt <b>Fællesskabet</b>.')
    expect(
      highlightTerms('To praktikanter', parsed)
        .filter((s) => s.match)
        .map((s) => s.text),
    ).toEqual(['praktikanter'])
  })

  it('cuts a snippet around the first match', () => {
    const text = `${'fyld '.repeat(100)}her er praksisnærhed i teksten ${'mere '.repeat(100)}`
    const snippet = snippetAround(text, parseQuery('praksisnaerhed'))
    expect(snippet).toContain('praksisnærhed')
    expect(snippet.startsWith('… ')).toBe(true)
    expect(snippet.length).toBeLessThan(300)
  })
})
