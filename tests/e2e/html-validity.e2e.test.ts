import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { get } from '../helpers/http'

/**
 * Every page type through the W3C Nu HTML Checker (vnu-jar from npm, run with the machine's Java 17; CI
 * installs Debian's default-jre-headless when java is missing). The HTML is the server's answer, as a
 * browser or a crawler first gets it. Zero errors; warnings are printed but do not fail.
 */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

const PAGES: { name: string; path: string; status: number }[] = [
  { name: 'forside', path: '/', status: 200 },
  { name: 'historier', path: '/historier', status: 200 },
  { name: 'historie', path: STORY_PATH, status: 200 },
  { name: 'emner', path: '/emner', status: 200 },
  { name: 'emne', path: '/emner/innovationspraktik', status: 200 },
  { name: 'praktikanter', path: '/praktikanter', status: 200 },
  { name: 'praktikant', path: '/praktikanter/charlotte-aakerstroem', status: 200 },
  { name: 'kontakt', path: '/kontakt', status: 200 },
  { name: 'om', path: '/om', status: 200 },
  { name: 'privatlivspolitik', path: '/privatlivspolitik', status: 200 },
  { name: 'soeg', path: '/soeg', status: 200 },
  { name: 'soeg-resultater', path: '/soeg?q=praksisn%C3%A6rhed', status: 200 },
  { name: '404', path: '/noget/helt/andet', status: 404 },
]

type Message = {
  type: string
  subType?: string
  url: string
  message: string
  lastLine?: number
  extract?: string
}

const vnuJar = path.join(
  path.dirname(createRequire(import.meta.url).resolve('vnu-jar/package.json')),
  'build/dist/vnu.jar',
)
const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-vnu-'))

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('valid HTML (W3C Nu checker)', () => {
  it('finds no errors on any page type', async () => {
    const files: string[] = []
    for (const page of PAGES) {
      const response = await get(page.path)
      expect(response.status, page.path).toBe(page.status)
      const file = path.join(dir, `${page.name}.html`)
      writeFileSync(file, await response.text())
      files.push(file)
    }
    const { stderr } = await promisify(execFile)(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--exit-zero-always', ...files],
      { maxBuffer: 16 * 1024 * 1024 },
    )
    const { messages } = JSON.parse(stderr) as { messages: Message[] }
    const describe = (m: Message) =>
      `${path.basename(m.url)}:${m.lastLine ?? '?'} ${m.message}${m.extract ? ` [${m.extract.trim()}]` : ''}`
    const warnings = messages.filter((m) => m.type !== 'error' && m.subType === 'warning')
    if (warnings.length > 0) console.log(`vnu warnings:\n${warnings.map(describe).join('\n')}`)
    const errors = messages.filter((m) => m.type === 'error' || m.subType === 'fatal')
    expect(errors.map(describe)).toEqual([])
  }, 180_000)
})
