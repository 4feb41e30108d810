import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { Payload } from 'payload'
import type { Env, S3Config } from '@/lib/env'

/**
 * Uploaded files without a media document. Payload writes an upload's files (the original and its image
 * sizes) to MEDIA_DIR before it inserts the document and commits
 * (node_modules/payload/dist/collections/operations/create.js: `uploadFiles`, then `db.create`), and
 * removes nothing when the create then fails or the process dies in between. Such files are served to
 * nobody, but they fill the disk and would be taken for content by a backup.
 *
 * `npm start` runs this before the server serves, so no upload can be in flight. The files are moved to
 * `<MEDIA_DIR>-orphans/<time>/`, not deleted: the operator can look and delete them.
 * A media document whose file is missing is reported, not removed: the document is the editor's (alt text,
 * caption, where it is used), and the file may come back from a backup.
 *
 * With media in an S3 bucket (S3_*), the same comparison is made against the bucket's objects under
 * S3_PREFIX, and only reported: the plugin uploads in the collection's afterChange hook, inside the
 * transaction on PostgreSQL/MongoDB, so a failed or killed upload can leave objects without a document
 * there too. They are listed, never moved or deleted, because a bucket may be shared with other data and
 * the operator decides with the provider's tools (or its lifecycle rules).
 */

export type MediaCheck = {
  /** Files moved out of MEDIA_DIR, by name. */
  moved: string[]
  /** Where they went (undefined when nothing was moved). */
  movedTo?: string
  /** Media documents whose original file is not in MEDIA_DIR (or not in the bucket). */
  missing: { id: number | string; filename: string }[]
  /** S3 only: where the objects are, and those under the site's prefix that no document refers to. */
  bucket?: { description: string; unreferenced: string[] }
}

type MediaRow = {
  id: number | string
  filename?: string | null
  /** storage-s3's folder of the document below S3_PREFIX ('' for files uploaded through the server). */
  prefix?: string | null
  sizes?: Record<string, { filename?: string | null } | undefined> | null
}

function namesOf(doc: MediaRow): string[] {
  const names = doc.filename ? [doc.filename] : []
  for (const size of Object.values(doc.sizes ?? {})) if (size?.filename) names.push(size.filename)
  return names
}

/** Every file name the media documents refer to, and the documents whose original is missing. */
async function referencedFiles(payload: Payload): Promise<{ names: Set<string>; rows: MediaRow[] }> {
  const names = new Set<string>()
  const rows: MediaRow[] = []
  for (let page = 1; ; page += 1) {
    const result = await payload.find({
      collection: 'media',
      depth: 0,
      limit: 500,
      page,
      // An operator's command at start-up, not a request: every document counts, whoever may read it.
      overrideAccess: true,
      select: { filename: true, prefix: true, sizes: true },
    })
    for (const doc of result.docs as MediaRow[]) {
      rows.push(doc)
      for (const name of namesOf(doc)) names.add(name)
    }
    if (!result.hasNextPage) break
  }
  return { names, rows }
}

export async function checkMediaFiles(
  payload: Payload,
  mediaDir: string,
  now = new Date(),
): Promise<MediaCheck> {
  if (!existsSync(mediaDir)) return { moved: [], missing: [] }
  const { names, rows } = await referencedFiles(payload)
  const files = readdirSync(mediaDir).filter(
    (name) => !name.startsWith('.') && statSync(path.join(mediaDir, name)).isFile(),
  )
  const orphans = files.filter((name) => !names.has(name))
  let movedTo: string | undefined
  if (orphans.length > 0) {
    movedTo = path.join(`${mediaDir}-orphans`, now.toISOString().replace(/[:.]/g, '-'))
    mkdirSync(movedTo, { recursive: true })
    for (const name of orphans) renameSync(path.join(mediaDir, name), path.join(movedTo, name))
  }
  const present = new Set(files)
  const missing = rows
    .filter((row) => row.filename && !present.has(row.filename))
    .map((row) => ({ id: row.id, filename: row.filename as string }))
  return { moved: orphans, movedTo, missing }
}

/**
 * The object key of a document's file, as the plugin builds it with `useCompositePrefixes`
 * (lib/media-storage.ts): S3_PREFIX, the document's own folder (empty unless a client upload set one),
 * the file name.
 */
function objectKey(doc: MediaRow, name: string, s3: S3Config): string {
  return path.posix.join(s3.prefix, doc.prefix ?? '', name)
}

export function s3Client(s3: S3Config): S3Client {
  return new S3Client({
    region: s3.region,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    ...(s3.endpoint ? { endpoint: s3.endpoint, forcePathStyle: true } : {}),
  })
}

/** Every key under `folder` ('' for the whole bucket), page by page. */
async function listKeys(client: S3Client, bucket: string, folder: string): Promise<string[]> {
  const keys: string[] = []
  let token: string | undefined
  do {
    const page = await client.send(
      new ListObjectsV2Command({
        Bucket: bucket,
        Prefix: folder ? `${folder}/` : undefined,
        ContinuationToken: token,
      }),
    )
    for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key)
    token = page.IsTruncated ? page.NextContinuationToken : undefined
  } while (token)
  return keys
}

/** The bucket's side of the check: reports objects without a document and documents without their object. */
export async function checkMediaObjects(
  payload: Payload,
  s3: S3Config,
  client = s3Client(s3),
): Promise<MediaCheck> {
  const { rows } = await referencedFiles(payload)
  try {
    const keys = await listKeys(client, s3.bucket, s3.prefix).catch((error: unknown) => {
      throw new Error(
        `cannot list the ${s3.description}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
      )
    })
    const present = new Set(keys)
    const referenced = new Set(rows.flatMap((row) => namesOf(row).map((name) => objectKey(row, name, s3))))
    const missing = rows
      .filter((row) => row.filename && !present.has(objectKey(row, row.filename, s3)))
      .map((row) => ({ id: row.id, filename: row.filename as string }))
    const unreferenced = keys.filter((key) => !referenced.has(key)).sort()
    return { moved: [], missing, bucket: { description: s3.description, unreferenced } }
  } finally {
    client.destroy()
  }
}

/** The check for wherever this site keeps its media. */
export function checkMedia(payload: Payload, env: Pick<Env, 'mediaDir' | 's3'>): Promise<MediaCheck> {
  return env.s3 ? checkMediaObjects(payload, env.s3) : checkMediaFiles(payload, env.mediaDir)
}

/** The check's result as lines for `npm start` and `npm run media:check`. */
export function describeMediaCheck(check: MediaCheck, cwd = process.cwd()): string[] {
  const lines: string[] = []
  if (check.bucket) {
    const { description, unreferenced } = check.bucket
    lines.push(
      unreferenced.length > 0
        ? `${unreferenced.length} object(s) in the ${description} have no media document (an upload that did not finish); left in place, delete them with the provider's tools: ${unreferenced.slice(0, 20).join(', ')}${unreferenced.length > 20 ? ', …' : ''}`
        : `every object in the ${description} has its media document`,
    )
    for (const { id, filename } of check.missing) {
      lines.push(`media document ${id} has no object ${filename} in the ${description}`)
    }
    return lines
  }
  if (check.moved.length > 0 && check.movedTo) {
    lines.push(
      `moved ${check.moved.length} file(s) without a media document (an upload that did not finish) to ${path.relative(cwd, check.movedTo)}: ${check.moved.join(', ')}`,
    )
  } else {
    lines.push('every uploaded file has its media document')
  }
  for (const { id, filename } of check.missing) {
    lines.push(`media document ${id} has no file ${filename} in MEDIA_DIR (restore it from a backup)`)
  }
  return lines
}
