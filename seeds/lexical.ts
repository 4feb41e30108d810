import { createHash } from 'node:crypto'

/**
 * Just enough of Lexical's serialised format to write the seed story: paragraphs of plain text and our
 * blocks. Block ids are derived from their content so the seed writes the same document every time.
 * The tests and the benchmark write their rich text with it too.
 */

export type TextNode = {
  type: 'text'
  version: 1
  text: string
  format: 0
  detail: 0
  mode: 'normal'
  style: ''
}

/**
 * A link as Lexical's link feature stores it. The seed writes none; the hostile-content fixture
 * (tests/helpers/hostile.ts) does, to see what the site renders from a stored link.
 */
export type LinkNode = {
  type: 'link'
  version: 3
  format: ''
  indent: 0
  direction: 'ltr'
  fields: { linkType: 'custom'; url: string; newTab: false }
  children: TextNode[]
}

export type ParagraphNode = {
  type: 'paragraph'
  version: 1
  format: ''
  indent: 0
  direction: 'ltr'
  textFormat: 0
  textStyle: ''
  children: (TextNode | LinkNode)[]
}

export type BlockNode = {
  type: 'block'
  version: 2
  format: ''
  fields: { id: string; blockName: ''; blockType: string; [key: string]: unknown }
}

export type EditorState = {
  root: {
    type: 'root'
    version: 1
    format: ''
    indent: 0
    direction: 'ltr'
    children: (ParagraphNode | BlockNode)[]
  }
}

export function text(value: string): TextNode {
  return { type: 'text', version: 1, text: value, format: 0, detail: 0, mode: 'normal', style: '' }
}

/** A paragraph of plain text, or of the inline nodes given. */
export function paragraph(content: string | (TextNode | LinkNode)[]): ParagraphNode {
  return {
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    textFormat: 0,
    textStyle: '',
    children: typeof content === 'string' ? [text(content)] : content,
  }
}

export function block(blockType: string, fields: Record<string, unknown>): BlockNode {
  const id = createHash('sha256')
    .update(JSON.stringify([blockType, fields]))
    .digest('hex')
    .slice(0, 24)
  return { type: 'block', version: 2, format: '', fields: { id, blockName: '', blockType, ...fields } }
}

export function editorState(children: (ParagraphNode | BlockNode)[]): EditorState {
  return { root: { type: 'root', version: 1, format: '', indent: 0, direction: 'ltr', children } }
}
