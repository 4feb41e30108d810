/* The OpenAPI 3.1 description of the public read API, generated from the Payload config (lib/api/openapi.ts). */
import config from '@payload-config'
import { openApiDocument } from '@/lib/api/openapi'
import { publicJson } from '@/lib/api/cache-headers'
import { env } from '@/lib/env'
import pkg from '@/package.json'

export async function GET(request: Request): Promise<Response> {
  const document = await openApiDocument(config, { serverUrl: env().siteUrl, version: pkg.version })
  return publicJson(request, document)
}
