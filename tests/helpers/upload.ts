import type { DefaultDocumentIDType } from 'payload'
import http from 'node:http'
import { baseUrl } from './http'

export type UploadResult = {
  status: number
  body: { doc?: { id: DefaultDocumentIDType; filename?: string }; errors?: { message: string }[] }
}

/**
 * A multipart upload to the media collection, as the admin sends it. Sent over a connection of its own:
 * when the server refuses an oversized body (413) it stops reading and closes the socket, which would break
 * the next request on a pooled keep-alive connection.
 */
export async function uploadMedia({
  token,
  file,
  name,
  type,
  data,
  path = '/api/media',
}: {
  token?: string
  file: Buffer
  name: string
  type: string
  data: Record<string, unknown>
  path?: string
}): Promise<UploadResult> {
  const form = new FormData()
  form.append('file', new Blob([new Uint8Array(file)], { type }), name)
  form.append('_payload', JSON.stringify(data))
  const encoded = new Request('http://multipart.invalid/', { method: 'POST', body: form })
  const bytes = Buffer.from(await encoded.arrayBuffer())
  const url = new URL(path, baseUrl())
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname + url.search,
        method: 'POST',
        agent: false,
        headers: {
          'content-type': encoded.headers.get('content-type') ?? '',
          'content-length': bytes.length,
          ...(token ? { authorization: `JWT ${token}` } : {}),
        },
      },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          try {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as UploadResult['body'] })
          } catch {
            resolve({ status: response.statusCode ?? 0, body: { errors: [{ message: text }] } })
          }
        })
      },
    )
    // The server may answer and close before it has read everything; that is the answer we want.
    request.on('error', (error: NodeJS.ErrnoException) =>
      error.code === 'EPIPE' ? undefined : reject(error),
    )
    request.end(bytes)
  })
}
