/* Payload's GraphQL endpoint at /api/graphql, with the read bounds of lib/api/graphql.ts. */
import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'
import { boundedGraphql } from '@/lib/api/graphql'

export const POST = boundedGraphql(GRAPHQL_POST(config))
export const OPTIONS = REST_OPTIONS(config)
