import { s3Storage } from '@payloadcms/storage-s3'
import type { Plugin } from 'payload'
import type { S3Config } from '@/lib/env'

/**
 * Where uploaded media is kept: MEDIA_DIR (the collection's `staticDir`) by default, or an S3-compatible
 * bucket when S3_* is set (lib/env.ts), so several instances on several machines see the same images.
 *
 * The plugin is installed either way, disabled without S3: with `alwaysInsertFields` it adds its fields
 * (`prefix`, `_objectKey`) to the media collection in both cases, so the database schema, and so the
 * committed migrations, are the same whichever storage a site uses (Payload makes this the default in v4).
 *
 * Files are still served at /api/media/file/<filename> by Payload, which checks the collection's read
 * access (an intern's photo without consent) before the plugin streams the object: no
 * `disablePayloadAccessControl`, no public-read ACL, no signed URLs that would bypass that check.
 */
export function mediaStorage(s3: S3Config | undefined): Plugin {
  return s3Storage({
    enabled: Boolean(s3),
    alwaysInsertFields: true,
    collections: { media: s3?.prefix ? { prefix: s3.prefix } : true },
    // S3_PREFIX is joined to the key when it is built instead of being stored in each document: a stored
    // prefix makes the plugin append `?prefix=…` to every file URL, and readers should keep the plain
    // /api/media/file/<name> they have with MEDIA_DIR.
    useCompositePrefixes: true,
    bucket: s3?.bucket ?? '',
    acl: 'private',
    config: s3
      ? {
          region: s3.region,
          credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
          // MinIO, Ceph and most other S3-compatible services address buckets by path, not by host name.
          ...(s3.endpoint ? { endpoint: s3.endpoint, forcePathStyle: true } : {}),
        }
      : {},
  })
}
