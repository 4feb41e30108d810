import config from '@payload-config'
import { openApiDocument } from '@/lib/api/openapi'
import { env } from '@/lib/env'
import pkg from '@/package.json'

/** The OpenAPI document the /api/docs page renders: the same one /api/openapi.json serves. */
export function getApiReference(): Promise<Record<string, unknown>> {
  return openApiDocument(config, { serverUrl: env().siteUrl, version: pkg.version })
}
