import type { DefaultDocumentIDType } from 'payload'
import { get } from './http'

export type GraphQLError = { message: string; extensions?: { statusCode?: number } }
export type GraphQLResult<T> = { status: number; data?: T | null; errors?: GraphQLError[] }

/** POST /api/graphql, anonymously or with a user's token. */
export async function graphql<T = Record<string, unknown>>(
  query: string,
  token?: string,
): Promise<GraphQLResult<T>> {
  const response = await get('/api/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify({ query }),
  })
  const body = (await response.json()) as { data?: T | null; errors?: GraphQLError[] }
  return { status: response.status, ...body }
}

/** An enum value, written bare in a GraphQL literal (a select option `301` is the enum value `_301`). */
export type GraphQLEnum = { enum: string }
export type LiteralValue = string | number | boolean | GraphQLEnum

/** A plain object as a GraphQL input literal: `{ title: "x", consent: true, type: _301 }`. */
export function literal(value: Record<string, LiteralValue>): string {
  return `{ ${Object.entries(value)
    .map(([key, v]) => `${key}: ${typeof v === 'object' ? v.enum : JSON.stringify(v)}`)
    .join(', ')} }`
}

/**
 * A document id as a GraphQL literal: Payload's schema types ids as `Int` on SQL databases (`id: 5`) and
 * `String` on MongoDB (`id: "65f…"`), and JSON writes each the way GraphQL reads it.
 */
export function gqlId(id: DefaultDocumentIDType): string {
  return JSON.stringify(id)
}
