import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isCompleteHtml, pause } from '../helpers/faults'
import { baseUrl, get } from '../helpers/http'
import { removeDocument, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { deleteUser, type TestUser } from '../helpers/users'
import { PATHS } from '@/lib/paths'

/**
 * Readers while the editor works: 20 connections load a story page, `/` and `/historier` (and a second
 * story that comes and goes) for 30 s, while an editor saves 20 rounds of changes over REST (edit the
 * published story's title; publish or unpublish the second one). Every answer must be a 200 (the second
 * story: 200 or 404), every page complete, and the story page the old or the new version, never a mix.
 */

const WORD = `laesertest${Date.now().toString(36)}`
const READERS = 20
const DURATION_MS = 30_000
const ROUNDS = 20

let payload: Payload
let editor: TestUser & { token: string }
const stories: DefaultDocumentIDType[] = []

const titleOf = (version: number) => `Læsertest ${WORD} v${version}`

async function write(
  method: 'POST' | 'PATCH',
  pathname: string,
  data: unknown,
): Promise<{ id: DefaultDocumentIDType; slug: string }> {
  const response = await get(pathname, authed(editor.token, { method, body: JSON.stringify(data) }))
  const json = (await response.json()) as { doc: { id: DefaultDocumentIDType; slug: string } }
  expect(response.status, JSON.stringify(json)).toBeLessThan(300)
  return json.doc
}

beforeAll(async () => {
  payload = await testPayload()
  editor = await restLogin(payload, 'editor')
})

afterAll(async () => {
  for (const id of stories) await removeDocument(payload, 'articles', id)
  if (editor) await deleteUser(payload, editor)
})

type Answer = { path: string; start: number; end: number; status: number; body: string }

describe('readers while the editor publishes', () => {
  it('gets only complete pages, each the old or the new version', async () => {
    const edited = await write('POST', '/api/articles', {
      title: titleOf(0),
      lead: `En historie, der skifter titel under ${WORD}.`,
      _status: 'published',
    })
    stories.push(edited.id)
    const toggled = await write('POST', '/api/articles', {
      title: `Læsertest ${WORD} kommer og går`,
      lead: `En historie, der udgives og trækkes tilbage under ${WORD}.`,
      _status: 'published',
    })
    stories.push(toggled.id)
    const editedPath = PATHS.story(edited.slug)
    const toggledPath = PATHS.story(toggled.slug)
    const paths = [editedPath, PATHS.home, PATHS.stories, toggledPath]

    /** committed[k]: when the save of version k returned. */
    const committed: number[] = [Date.now()]
    const answers: Answer[] = []
    const errors: string[] = []
    const stopAt = Date.now() + DURATION_MS

    const reader = async (n: number) => {
      for (let i = n; Date.now() < stopAt; i += 1) {
        const path = paths[i % paths.length] as string
        const start = Date.now()
        try {
          const response = await fetch(`${baseUrl()}${path}`, { redirect: 'manual' })
          const body = await response.text()
          answers.push({ path, start, end: Date.now(), status: response.status, body })
        } catch (error) {
          errors.push(`${path}: ${String((error as { cause?: unknown }).cause ?? error)}`)
        }
      }
    }
    const editorWork = async () => {
      const gap = (DURATION_MS - 3_000) / ROUNDS
      for (let round = 1; round <= ROUNDS; round += 1) {
        await pause(gap / 2)
        await write('PATCH', `/api/articles/${edited.id}`, { title: titleOf(round) })
        committed[round] = Date.now()
        await pause(gap / 2)
        await write('PATCH', `/api/articles/${toggled.id}`, {
          _status: round % 2 === 1 ? 'draft' : 'published',
          lead: `Runde ${round} af ${WORD}.`,
        })
      }
    }
    await Promise.all([...Array.from({ length: READERS }, (_, n) => reader(n)), editorWork()])

    expect(errors).toEqual([])
    expect(committed).toHaveLength(ROUNDS + 1)
    expect(answers.length).toBeGreaterThan(200)

    const unexpected = answers.filter((a) =>
      a.path === toggledPath ? a.status !== 200 && a.status !== 404 : a.status !== 200,
    )
    expect(unexpected.map((a) => `${a.path} ${a.status}`)).toEqual([])
    const incomplete = answers.filter((a) => !isCompleteHtml(a.body))
    expect(incomplete.map((a) => `${a.path} ${a.status} ${a.body.length} bytes`)).toEqual([])

    /** The newest version whose save had returned at time t. */
    const versionAt = (t: number) => committed.filter((when) => when <= t).length - 1
    const pattern = new RegExp(`Læsertest ${WORD} v(\\d+)`, 'g')
    const wrong: string[] = []
    for (const answer of answers.filter((a) => a.path === editedPath)) {
      const versions = new Set([...answer.body.matchAll(pattern)].map((m) => Number(m[1])))
      // One version throughout the page (heading, <title>, Open Graph, structured data) ...
      if (versions.size !== 1) {
        wrong.push(`versions ${[...versions].join(',')} in one page`)
        continue
      }
      // ... and that one the version saved when the request started, the one before it (a save whose
      // refresh had not run yet), or one saved while it was answered.
      const version = [...versions][0] as number
      const oldest = Math.max(0, versionAt(answer.start) - 1)
      const newest = versionAt(answer.end)
      if (version < oldest || version > newest) {
        wrong.push(`v${version} outside v${oldest}-v${newest}`)
      }
    }
    expect(wrong).toEqual([])

    const counts: Record<string, Record<number, number>> = {}
    for (const a of answers) {
      counts[a.path] ??= {}
      counts[a.path]![a.status] = (counts[a.path]![a.status] ?? 0) + 1
    }
    console.log(`[readers] ${answers.length} answers in ${DURATION_MS / 1000} s: ${JSON.stringify(counts)}`)
    // The toggled story was seen both published and withdrawn: the readers did run across the changes.
    expect(counts[toggledPath]?.[200]).toBeGreaterThan(0)
    expect(counts[toggledPath]?.[404]).toBeGreaterThan(0)
  })
})
