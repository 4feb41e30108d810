import { stemmer } from '@orama/stemmers/danish'

/**
 * How Danish text becomes search terms, the same way for what is indexed and for what is typed.
 *
 * 1. Folding: NFC, Danish lower case, then æ -> ae, ø -> oe, å -> aa (so "Fællesskab" and "faellesskab",
 *    "Århus" and "Aarhus" are one word), then every other accent removed ("café" -> "cafe").
 * 2. Words: runs of letters and digits; everything else (quotes aside, see parseQuery) is a separator. No
 *    character of a database's query syntax survives this, which is why no input can be a syntax error.
 * 3. Stemming: the Snowball Danish stemmer (@orama/stemmers) on the folded word, so "praktikanter",
 *    "praktikanten" and "praktikant" are one term. PostgreSQL stems with its own `danish` configuration
 *    (the same Snowball algorithm) and is given folded words.
 */

const LETTER_MAP: Record<string, string> = { æ: 'ae', ø: 'oe', å: 'aa', ß: 'ss' }

export function fold(text: string): string {
  return text
    .normalize('NFC')
    .toLocaleLowerCase('da-DK')
    .replace(/[æøåß]/g, (c) => LETTER_MAP[c] ?? c)
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
}

const WORD = /[\p{L}\p{N}]+/gu

/** Folded words of `text`, in order. */
export function words(text: string): string[] {
  return fold(text).match(WORD) ?? []
}

/** A folded word's stem. Words longer than this are cut: no real Danish word is, and it bounds the work. */
const MAX_WORD = 60
export function stem(foldedWord: string): string {
  return stemmer(foldedWord.slice(0, MAX_WORD))
}

/** The indexed form of a text: its folded words' stems, separated by spaces (SQLite and MongoDB). */
export function indexTerms(text: string): string {
  return words(text).map(stem).join(' ')
}

/** The folded form of a text, words separated by spaces (PostgreSQL, which stems by itself). */
export function indexWords(text: string): string {
  return words(text).join(' ')
}

/**
 * A parsed query: groups that must all match. A group of one word is a term; a group of several words came
 * from quotes and must match as a phrase. `prefix` marks the last word typed (no closing space or quote),
 * which matches any term it begins while the reader is still typing.
 */
export type QueryGroup = { words: string[]; stems: string[]; phrase: boolean; prefix: boolean }
export type ParsedQuery = { groups: QueryGroup[] }

/** More terms than this are ignored: enough for any real question, and it bounds the database's work. */
export const MAX_QUERY_TERMS = 12

/**
 * Quotes make phrases (an unbalanced quote runs to the end of the query); everything else that is not a
 * letter or digit separates words, so `-`, `*`, `(`, `:`, `^` and `NEAR` are just text, never operators.
 */
export function parseQuery(query: string): ParsedQuery {
  const groups: QueryGroup[] = []
  const trailingSpace = /\s$/.test(query)
  const parts = query.split('"')
  let count = 0
  parts.forEach((part, i) => {
    const quoted = i % 2 === 1
    const ws = words(part)
    if (ws.length === 0) return
    if (quoted && ws.length > 1) {
      const take = ws.slice(0, MAX_QUERY_TERMS - count)
      if (take.length === 0) return
      count += take.length
      groups.push({ words: take, stems: take.map(stem), phrase: true, prefix: false })
      return
    }
    for (const w of ws) {
      if (count >= MAX_QUERY_TERMS) return
      count++
      groups.push({ words: [w], stems: [stem(w)], phrase: false, prefix: false })
    }
  })
  const last = groups.at(-1)
  const endsInQuote = parts.length > 1 && parts.length % 2 === 1 && parts.at(-1)?.trim() === ''
  // Prefix only for a bare last word of two letters or more: "a*" would match half the index.
  if (
    last &&
    !last.phrase &&
    !trailingSpace &&
    !endsInQuote &&
    parts.length % 2 === 1 &&
    last.words[0]!.length >= 2
  ) {
    last.prefix = true
  }
  return { groups }
}

/** The SQLite FTS5 MATCH expression: every term a quoted string, so nothing in it is an operator. */
export function fts5Query(parsed: ParsedQuery): string | null {
  if (parsed.groups.length === 0) return null
  return parsed.groups
    .map((g) => (g.phrase ? `"${g.stems.join(' ')}"` : `"${g.stems[0]}"${g.prefix ? '*' : ''}`))
    .join(' AND ')
}

/**
 * The PostgreSQL tsquery text, for `to_tsquery('danish', …)`: folded words, each in single quotes (they are
 * letters and digits only), phrases joined by `<->`, the typed prefix marked `:*`.
 */
export function tsQuery(parsed: ParsedQuery): string | null {
  if (parsed.groups.length === 0) return null
  return parsed.groups
    .map((g) =>
      g.phrase ? `(${g.words.map((w) => `'${w}'`).join(' <-> ')})` : `'${g.words[0]}'${g.prefix ? ':*' : ''}`,
    )
    .join(' & ')
}

/**
 * The MongoDB `$search` string: phrases in double quotes (every term must then match, MongoDB ANDs
 * phrases), single terms as words (ORed by MongoDB; the AND is restored with phrases of one word).
 * MongoDB's text index has no prefix matching.
 */
export function mongoQuery(parsed: ParsedQuery): string | null {
  if (parsed.groups.length === 0) return null
  return parsed.groups.map((g) => `"${g.stems.join(' ')}"`).join(' ')
}

export type Segment = { text: string; match: boolean }

/** Does a word of shown text match the query? By stem, or for the typed prefix by how the stem begins. */
function matcher(parsed: ParsedQuery): (word: string) => boolean {
  const exact = new Set<string>()
  const prefixes: string[] = []
  for (const g of parsed.groups) {
    for (const s of g.stems) exact.add(s)
    if (g.prefix) prefixes.push(g.stems[0]!, g.words[0]!)
  }
  // A text repeats its words, and folding (Danish lower case, two normalisations) and stemming are the
  // costly part of showing a hit: each distinct word is judged once.
  const judged = new Map<string, boolean>()
  return (word) => {
    let match = judged.get(word)
    if (match === undefined) {
      const folded = fold(word)
      const s = stem(folded)
      match = exact.has(s) || prefixes.some((p) => s.startsWith(p) || folded.startsWith(p))
      judged.set(word, match)
    }
    return match
  }
}

/** Splits `text` into runs that match the query's words (by stem, after folding) and runs that do not. */
export function highlightTerms(text: string, parsed: ParsedQuery): Segment[] {
  const isMatch = matcher(parsed)
  const segments: Segment[] = []
  let from = 0
  for (const m of text.matchAll(WORD)) {
    if (!isMatch(m[0])) continue
    if (m.index > from) segments.push({ text: text.slice(from, m.index), match: false })
    segments.push({ text: m[0], match: true })
    from = m.index + m[0].length
  }
  if (from < text.length) segments.push({ text: text.slice(from), match: false })
  return segments
}

/**
 * About `radius` characters of `text` around its first matching word, cut on spaces, or the beginning of
 * the text when nothing matches (a match there may be in a quote, or a stem the shown text spells oddly).
 */
export function snippetAround(text: string, parsed: ParsedQuery, radius = 90): string {
  const compact = text.replace(/\s+/g, ' ').trim()
  const isMatch = matcher(parsed)
  let at = 0
  for (const m of compact.matchAll(WORD)) {
    if (isMatch(m[0])) {
      at = m.index
      break
    }
  }
  let start = Math.max(0, at - radius)
  let end = Math.min(compact.length, at + radius * 2)
  if (start > 0) start = compact.indexOf(' ', start) + 1 || start
  if (end < compact.length) {
    const space = compact.lastIndexOf(' ', end)
    if (space > at) end = space
  }
  return `${start > 0 ? '… ' : ''}${compact.slice(start, end)}${end < compact.length ? ' …' : ''}`
}
