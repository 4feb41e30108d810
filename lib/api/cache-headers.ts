import { createHash } from 'node:crypto'
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '@/lib/api/limits'
import { applyCors } from '@/lib/api/cors'
import { looksLikeCredentials } from '@/lib/api/read-cache'

function matchesEtag(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === etag)
}

/**
 * Headers for a read: `public` + ETag (and 304 for a matching If-None-Match) only for an answer computed
 * for nobody (`anonymous`); everything else `private, no-store`, and uploaded files keep Payload's caching.
 */
export async function withCaching(
  request: Request,
  response: Response,
  anonymous: boolean,
): Promise<Response> {
  const headers = new Headers(response.headers)
  applyCors(request, headers, { readOnly: true })
  headers.append('Vary', 'Authorization, Cookie')
  const isJson = (headers.get('content-type') ?? '').includes('application/json')
  if (!anonymous || response.status !== 200 || !isJson) {
    // Files under /api/media/file keep the caching Payload gives them; everything else is not to be stored.
    if (!anonymous || !headers.has('cache-control') || isJson) {
      headers.set('Cache-Control', anonymous ? 'no-store' : PRIVATE_CACHE_CONTROL)
    }
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers })
  }
  const body = await response.arrayBuffer()
  const etag = `"${createHash('sha1').update(Buffer.from(body)).digest('base64url')}"`
  headers.set('ETag', etag)
  headers.set('Cache-Control', PUBLIC_CACHE_CONTROL)
  if (matchesEtag(request.headers.get('if-none-match'), etag)) {
    headers.delete('content-type')
    headers.delete('content-length')
    return new Response(null, { status: 304, headers })
  }
  return new Response(body, { status: 200, headers })
}

/** A public JSON document of our own (e.g. /api/openapi.json) with the same caching and CORS as the API. */
export function publicJson(request: Request, body: unknown): Promise<Response> {
  return withCaching(request, Response.json(body), !looksLikeCredentials(request.headers))
}
