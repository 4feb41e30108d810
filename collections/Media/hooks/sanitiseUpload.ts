import { APIError, type CollectionBeforeOperationHook } from 'payload'
import { slugify } from '@/lib/slug'

/** The largest image an editor may upload. Web images rarely need more; Payload's default is 20 MB. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const NOT_AN_IMAGE_MESSAGE =
  'Filen er ikke et billede i JPEG, PNG, WebP eller AVIF. Gem billedet i et af de formater, og prøv igen.'

export const TOO_LARGE_MESSAGE =
  'Billedet er for stort. Et billede må højst fylde 10 MB; gem det i en mindre udgave (fx JPEG eller WebP i højst 3000 pixels bredde) og prøv igen.'

const MAX_NAME_LENGTH = 80

/** The file's real type from its first bytes: one of the four raster types we accept, or undefined. */
function sniffExtension(data: Buffer | undefined): string | undefined {
  if (!data || data.length < 12) return undefined
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpg'
  if (data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png'
  if (data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP') return 'webp'
  if (data.toString('latin1', 4, 8) === 'ftyp' && ['avif', 'avis'].includes(data.toString('latin1', 8, 12)))
    return 'avif'
  return undefined
}

/**
 * A file name that is safe everywhere it goes (disk, URL, HTML attribute, Content-Disposition): the base
 * name only (no folders), Danish letters transliterated like slugs, then only a-z, 0-9 and hyphens, at
 * most 80 characters, and the extension of what the file really is. Payload itself strips folders and
 * control characters but keeps spaces, `#`, `%`, quotes and non-ASCII letters, which make fragile URLs.
 */
export function safeFileName(name: string, extension: string): string {
  const base = name.replace(/\\/g, '/').split('/').pop() ?? ''
  const dot = base.lastIndexOf('.')
  const stem = dot > 0 ? base.slice(0, dot) : base
  const safeStem = slugify(stem).slice(0, MAX_NAME_LENGTH).replace(/-+$/, '') || 'billede'
  return `${safeStem}.${extension}`
}

/**
 * An error whose message reaches the client. Payload's REST error formatter shows an APIError's message
 * only when it carries `data` (in a minified build its class name, the other way it is recognised, is gone).
 */
function refuse(message: string, status: 400 | 413): APIError {
  return new APIError(message, status, { errors: [{ path: 'file', message }] }, true)
}

/** The stored file's own address, as the admin's form sends it back unchanged with every save. */
const OWN_FILE_URL = /^(?:https?:\/\/[^/]+)?\/api\/media\/file\/[^/?#]+$/

/**
 * A write that names a file by address: Payload would fetch it on create and duplicate, and accepts (and
 * ignores) it on update. Refused on every operation, so nobody is told it worked. On update the admin
 * sends the stored file's own `/api/media/file/…` address back with the form (and may with a duplicate);
 * that is not a request for a file.
 */
function asksForUploadFromUrl(echoAllowed: boolean, data: { url?: unknown } | undefined): boolean {
  const url = data?.url
  if (url === undefined || url === null || url === '') return false
  if (echoAllowed && typeof url === 'string' && OWN_FILE_URL.test(url)) return false
  return true
}

/**
 * Before Payload handles an upload: refuse an oversized file (the REST/admin upload is already stopped with
 * 413 while it streams in, by `upload.limits` in payload.config.ts; this covers the Local API); refuse
 * anything whose content is not one of the four raster types, whatever its name and declared type say
 * (Payload's own check recognises SVG and XML by their content, but judges content it cannot identify by
 * the file's extension, with only a logged warning); refuse "upload from a URL" on create, duplicate
 * (Payload runs it as a create), update and bulk update, over REST, GraphQL and the Local API alike (the
 * server would fetch an address someone typed); and clean the file name.
 */
export const sanitiseUpload: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  // Payload moves `url` and `filename` out of a create's data early (into a file source it fetches
  // later), so the request body is checked too.
  const data = (args as { data?: { url?: unknown } }).data
  const body = req.data as { url?: unknown } | undefined
  const echoAllowed =
    operation === 'update' || Boolean((args as { duplicateFromID?: unknown }).duplicateFromID)
  if (!req.file && (asksForUploadFromUrl(echoAllowed, data) || asksForUploadFromUrl(echoAllowed, body))) {
    throw refuse('Upload fra en webadresse er slået fra. Hent billedet ned, og upload filen.', 400)
  }
  const file = req.file
  if (!file) return args
  if (file.size > MAX_UPLOAD_BYTES) throw refuse(TOO_LARGE_MESSAGE, 413)
  const extension = sniffExtension(file.data)
  if (!extension) throw refuse(NOT_AN_IMAGE_MESSAGE, 400)
  file.name = safeFileName(file.name, extension)
  return args
}
