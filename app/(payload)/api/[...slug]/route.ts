/*
 * Payload's REST API at /api/... Payload's installer writes this file with its route handlers exported
 * as they are; here they are wrapped in the public contract of lib/api/rest.ts (bounds, 400s, caching,
 * CORS).
 */
import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'
import { publicRestApi } from '@/lib/api/rest'

const api = publicRestApi(config, {
  GET: REST_GET(config),
  POST: REST_POST(config),
  PATCH: REST_PATCH(config),
  PUT: REST_PUT(config),
  DELETE: REST_DELETE(config),
})

export const { GET, HEAD, POST, PATCH, PUT, DELETE, OPTIONS } = api
