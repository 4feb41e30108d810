import { createHash } from 'node:crypto'

/**
 * Just enough of Lexical's serialised format to write the seed story: paragraphs of plain text and our
 * blocks. Block ids are derived from their content so the seed writes the same document every time.
 */

type TextNode = {
  type: 'text'
  version: 1
  text: string
  format: 0
  detail: 0
  mode: 'normal'
  style: ''
}

export type ParagraphNode = {
  type: 'paragraph'
  version: 1
  format: ''
  indent: 0
  direction: 'ltr'
  textFormat: 0
  textStyle: ''
  children: TextNode[]
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

export function paragraph(text: string): ParagraphNode {
  return {
    type: 'paragraph',
    version: 1,
    format: '',
    indent: 0,
    direction: 'ltr',
    textFormat: 0,
    textStyle: '',
    children: [{ type: 'text', version: 1, text, format: 0, detail: 0, mode: 'normal', style: '' }],
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
