import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Payload } from 'payload'
import { afterEach, describe, expect, it } from 'vitest'
import type { S3Client } from '@aws-sdk/client-s3'
import type { S3Config } from '@/lib/env'
import { checkMediaFiles, checkMediaObjects, describeMediaCheck } from '@/scripts/lib/media-orphans'

/** `payload.find` over media documents as the Local API pages them (two per page here). */
function mediaPayload(
  docs: { id: number; filename: string; sizes?: Record<string, { filename: string | null }> }[],
) {
  return {
    find: async ({ page = 1, limit }: { page?: number; limit: number }) => {
      const size = Math.min(limit, 2)
      const slice = docs.slice((page - 1) * size, page * size)
      return { docs: slice, hasNextPage: page * size < docs.length }
    },
  } as unknown as Payload
}

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    rmSync(dir, { recursive: true, force: true })
    rmSync(`${dir}-orphans`, { recursive: true, force: true })
  }
})

function mediaDir(files: string[]): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-media-check-'))
  dirs.push(dir)
  for (const name of files) writeFileSync(path.join(dir, name), name)
  return dir
}

describe('checkMediaFiles', () => {
  it('moves files no document refers to aside and reports documents without their file', async () => {
    const dir = mediaDir([
      'a.png',
      'a-640x400.png',
      'b.png',
      'half-written.png',
      'half-written-640x400.png',
      '.keep',
    ])
    const payload = mediaPayload([
      { id: 1, filename: 'a.png', sizes: { card: { filename: 'a-640x400.png' }, og: { filename: null } } },
      { id: 2, filename: 'b.png' },
      { id: 3, filename: 'gone.png' },
    ])
    const check = await checkMediaFiles(payload, dir, new Date('2026-11-30T12:00:00Z'))
    expect(check.moved.sort()).toEqual(['half-written-640x400.png', 'half-written.png'])
    expect(check.movedTo).toBe(path.join(`${dir}-orphans`, '2026-11-30T12-00-00-000Z'))
    expect(readdirSync(dir).sort()).toEqual(['.keep', 'a-640x400.png', 'a.png', 'b.png'])
    expect(readdirSync(check.movedTo as string).sort()).toEqual([
      'half-written-640x400.png',
      'half-written.png',
    ])
    expect(check.missing).toEqual([{ id: 3, filename: 'gone.png' }])
    const lines = describeMediaCheck(check, os.tmpdir())
    expect(lines[0]).toMatch(/^moved 2 file\(s\) without a media document/)
    expect(lines[1]).toBe('media document 3 has no file gone.png in MEDIA_DIR (restore it from a backup)')
  })

  it('touches nothing when every file has its document', async () => {
    const dir = mediaDir(['a.png'])
    const check = await checkMediaFiles(mediaPayload([{ id: 1, filename: 'a.png' }]), dir)
    expect(check).toEqual({ moved: [], movedTo: undefined, missing: [] })
    expect(existsSync(`${dir}-orphans`)).toBe(false)
    expect(describeMediaCheck(check)).toEqual(['every uploaded file has its media document'])
  })
})

describe('checkMediaObjects (media in an S3 bucket)', () => {
  const s3: S3Config = {
    bucket: 'faxe-media',
    region: 'eu-north-1',
    accessKeyId: 'AKIAFAXE',
    secretAccessKey: 'hemmelig',
    prefix: 'site',
    description: 'S3 bucket faxe-media, folder site/, at AWS eu-north-1',
  }
  /** ListObjectsV2 as S3 pages it (two keys per page here); records what was asked. */
  function bucket(keys: string[]) {
    const asked: { Prefix?: string; ContinuationToken?: string }[] = []
    const client = {
      send: async (command: { input: { Prefix?: string; ContinuationToken?: string } }) => {
        asked.push(command.input)
        const under = keys.filter((key) => key.startsWith(command.input.Prefix ?? ''))
        const start = Number(command.input.ContinuationToken ?? 0)
        const more = start + 2 < under.length
        return {
          Contents: under.slice(start, start + 2).map((Key) => ({ Key })),
          IsTruncated: more,
          NextContinuationToken: more ? String(start + 2) : undefined,
        }
      },
      destroy: () => undefined,
    }
    return { client: client as unknown as S3Client, asked }
  }

  it('lists objects without a document and documents without their object, and moves nothing', async () => {
    const { client, asked } = bucket([
      'site/a.png',
      'site/a-640x400.png',
      'site/2024/b.png',
      'other-site/c.png',
      'site/half-written.png',
    ])
    const payload = mediaPayload([
      { id: 1, filename: 'a.png', sizes: { card: { filename: 'a-640x400.png' } } },
      // A document folder of its own (the plugin's client uploads set one) below S3_PREFIX.
      { id: 2, filename: 'b.png', prefix: '2024' } as never,
      { id: 3, filename: 'gone.png' },
    ])
    const check = await checkMediaObjects(payload, s3, client)
    // Only the site's folder, page by page: other-site/ is someone else's.
    expect(asked.map((input) => input.Prefix)).toEqual(['site/', 'site/'])
    expect(check.moved).toEqual([])
    expect(check.missing).toEqual([{ id: 3, filename: 'gone.png' }])
    expect(check.bucket?.unreferenced).toEqual(['site/half-written.png'])
    expect(describeMediaCheck(check)).toEqual([
      "1 object(s) in the S3 bucket faxe-media, folder site/, at AWS eu-north-1 have no media document (an upload that did not finish); left in place, delete them with the provider's tools: site/half-written.png",
      'media document 3 has no object gone.png in the S3 bucket faxe-media, folder site/, at AWS eu-north-1',
    ])
  })
})
