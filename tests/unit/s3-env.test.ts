import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { EnvError, loadEnv, mediaStorageLine } from '@/lib/env'

describe('S3_* (media in S3-compatible storage)', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-s3-env-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const load = (vars: Record<string, string>) => loadEnv(vars, dir)
  const KEYS = { S3_ACCESS_KEY_ID: 'AKIAFAXE', S3_SECRET_ACCESS_KEY: 'meget-hemmelig-noegle' }

  it('keeps media in MEDIA_DIR without S3_*, and npm start says where', () => {
    const env = load({})
    expect(env.s3).toBeUndefined()
    expect(mediaStorageLine(env)).toBe(`media: files in ${path.join(dir, 'data', 'media')}`)
  })

  it('uses AWS in eu-north-1 by default, and another service by path with S3_ENDPOINT', () => {
    expect(load({ S3_BUCKET: 'faxe-media', ...KEYS }).s3).toEqual({
      bucket: 'faxe-media',
      region: 'eu-north-1',
      endpoint: undefined,
      accessKeyId: 'AKIAFAXE',
      secretAccessKey: 'meget-hemmelig-noegle',
      prefix: '',
      description: 'S3 bucket faxe-media, at AWS eu-north-1',
    })
    const minio = load({
      S3_BUCKET: 'faxe-media',
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: 'http://127.0.0.1:9000/',
      S3_PREFIX: '/site/media/',
      ...KEYS,
    })
    expect(minio.s3).toMatchObject({
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      prefix: 'site/media',
    })
    // The start-up line names the bucket and the service, never the keys.
    const line = mediaStorageLine(minio)
    expect(line).toBe(
      'media: in the S3 bucket faxe-media, folder site/media/, at http://127.0.0.1:9000 (region us-east-1)',
    )
    expect(line).not.toContain('AKIAFAXE')
    expect(line).not.toContain('hemmelig')
  })

  it('refuses a partial set, naming what is missing', () => {
    expect(() => load({ S3_BUCKET: 'faxe-media' })).toThrow(EnvError)
    expect(() => load({ S3_BUCKET: 'faxe-media' })).toThrow(
      /S3_BUCKET is set but S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY are not/,
    )
    expect(() => load({ S3_ENDPOINT: 'https://s3.faxe.dk', S3_ACCESS_KEY_ID: 'AKIAFAXE' })).toThrow(
      /S3_ACCESS_KEY_ID, S3_ENDPOINT are set but S3_BUCKET, S3_SECRET_ACCESS_KEY are not/,
    )
  })

  it('refuses a bad bucket name, endpoint or prefix by name, without repeating the secret', () => {
    for (const [vars, message] of [
      [{ S3_BUCKET: 'Faxe_Media' }, /S3_BUCKET must be a bucket name/],
      [{ S3_BUCKET: 'faxe-media', S3_ENDPOINT: 's3.faxe.dk' }, /S3_ENDPOINT must be an http\(s\) URL/],
      [{ S3_BUCKET: 'faxe-media', S3_PREFIX: 'media/../andet' }, /S3_PREFIX must be a folder name/],
    ] as const) {
      let error: unknown
      try {
        load({ ...KEYS, ...vars })
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(EnvError)
      expect((error as Error).message).toMatch(message)
      expect((error as Error).message).not.toContain('hemmelig')
    }
  })
})
