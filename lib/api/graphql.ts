import {
  type ExecutionArgs,
  type FieldNode,
  getArgumentValues,
  getNamedType,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  type GraphQLObjectType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql'
import { API_LIMITS, NO_UNPAGINATED, outOfRange } from '@/lib/api/limits'
import { applyRevalidations } from '@/lib/revalidate'

/**
 * GraphQL reads get the same bounds as REST, checked on the values the resolvers will run with: the
 * operation that will execute, its variables coerced with their defaults (graphql-js's own
 * `getVariableValues`), each field's arguments as `getArgumentValues` resolves them (argument defaults
 * included). A literal, a variable, a variable's default and a fragment are all the same to it.
 *
 * Also per request: the documents all list queries may return together (aliases and fragments counted at
 * every appearance, so `a1: Articles(limit: 100) … a9: …` cannot multiply a page) and the number of
 * aliases. Payload runs this as one of its GraphQL `validationRules` (payload.config.ts), so a request
 * beyond them is refused before anything executes. `boundedGraphql` gives such a refusal HTTP status 400.
 */

/**
 * Upload from a URL, refused on every operation (collections/Media/hooks/sanitiseUpload.ts). On update,
 * Payload drops `url` from the data before any hook sees it and answers as if it had worked, so a
 * mutation's `data.url` is refused here, where the arguments are still whole. (Only uploads have a
 * top-level `url` field.)
 */
const UPLOAD_FROM_URL_MESSAGE = 'Upload fra en webadresse er slået fra. Hent billedet ned, og upload filen.'

function asksForUploadFromUrl(data: unknown): boolean {
  if (typeof data !== 'object' || data === null) return false
  const url = (data as { url?: unknown }).url
  return url !== undefined && url !== null && url !== ''
}

/** Payload's list queries return `{ docs, totalDocs, … }`. */
function isPaginatedList(type: GraphQLObjectType): boolean {
  const fields = type.getFields()
  return 'docs' in fields && 'totalDocs' in fields
}

type Found = { node: FieldNode; problem: string }

function check(context: ValidationContext, args: ExecutionArgs): Found | null {
  const operation = getOperationAST(args.document, args.operationName)
  if (!operation) return null
  const root = args.schema.getRootType(operation.operation)
  if (!root) return null
  const coerced = getVariableValues(
    args.schema,
    operation.variableDefinitions ?? [],
    (args.variableValues ?? {}) as Record<string, unknown>,
  )
  // Variables that do not coerce are refused by graphql-js itself when it executes.
  if (coerced.errors) return null
  const variables = coerced.coerced
  let documents = 0
  let aliases = 0
  let found: Found | null = null

  const walk = (
    parent: GraphQLObjectType,
    selectionSet: SelectionSetNode,
    depth: number,
    seen: Set<string>,
  ) => {
    for (const selection of selectionSet.selections) {
      if (found) return
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value
        const fragment = context.getFragment(name)
        if (!fragment || seen.has(name)) continue
        walk(parent, fragment.selectionSet, depth, new Set([...seen, name]))
        continue
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value
        const type = typeName ? args.schema.getType(typeName) : parent
        if (type && isObjectType(type)) walk(type, selection.selectionSet, depth, seen)
        continue
      }
      if (selection.alias) aliases += 1
      if (aliases > API_LIMITS.maxAliases) {
        found = {
          node: selection,
          problem: `Højst ${API_LIMITS.maxAliases} aliaser (a: Articles …) i én forespørgsel; del den op i flere.`,
        }
        return
      }
      const definition = parent.getFields()[selection.name.value]
      if (!definition) continue
      let values: Record<string, unknown>
      try {
        values = getArgumentValues(definition, selection, variables)
      } catch {
        // An argument of the wrong type: graphql-js reports it when it executes.
        continue
      }
      if (depth === 0 && operation.operation === 'mutation' && asksForUploadFromUrl(values.data)) {
        found = { node: selection, problem: UPLOAD_FROM_URL_MESSAGE }
        return
      }
      const limit = typeof values.limit === 'number' ? values.limit : null
      const problem =
        values.pagination === false
          ? NO_UNPAGINATED
          : ((limit === null ? null : outOfRange('limit', limit)) ??
            (typeof values.page === 'number' ? outOfRange('page', values.page) : null))
      if (problem) {
        found = { node: selection, problem }
        return
      }
      const type = getNamedType(definition.type)
      if (depth === 0 && isObjectType(type)) {
        documents += isPaginatedList(type) ? (limit ?? API_LIMITS.defaultLimit) : 1
        if (documents > API_LIMITS.maxDocumentsPerRequest) {
          found = {
            node: selection,
            problem: `Højst ${API_LIMITS.maxDocumentsPerRequest} dokumenter i én forespørgsel (summen af limit over alle lister og aliaser); hent resten med page.`,
          }
          return
        }
      }
      if (selection.selectionSet && isObjectType(type)) walk(type, selection.selectionSet, depth + 1, seen)
    }
  }
  walk(root, operation.selectionSet, 0, new Set())
  return found
}

/** The validation rule, for `graphQL.validationRules` in payload.config.ts. */
export function graphqlBoundsRule(args: ExecutionArgs): ValidationRule {
  return (context) => ({
    Document: {
      leave() {
        const found = check(context, args)
        if (found) {
          context.reportError(
            new GraphQLError(found.problem, { nodes: [found.node], extensions: { statusCode: 400 } }),
          )
        }
      },
    },
  })
}

type Handler = (request: Request) => Promise<Response>
type ErrorEntry = { extensions?: { statusCode?: number; data?: { retryAfter?: number } } }

/**
 * HTTP status for GraphQL answers that are not a result: graphql-http answers a refused request (parse or
 * validation errors, no `data`) with 200 to `Accept: application/json`; here it is 400, like REST. A login
 * refused by the rate limit (lib/rate-limit.ts) answers 429 with Retry-After, like REST.
 */
export function boundedGraphql(handler: Handler): Handler {
  return async (request) => {
    const response = await handler(request)
    // A mutation has committed: expire what it changed now, before the answer goes out (lib/revalidate.ts).
    applyRevalidations()
    if (response.status !== 200 || !(response.headers.get('content-type') ?? '').includes('json'))
      return response
    const text = await response.text()
    let body: { data?: unknown; errors?: ErrorEntry[] }
    try {
      body = JSON.parse(text) as typeof body
    } catch {
      return new Response(text, response)
    }
    const headers = new Headers(response.headers)
    headers.set('Cache-Control', 'private, no-store')
    let status = 200
    const limited = body.errors?.find((error) => error.extensions?.statusCode === 429)
    if (limited) {
      status = 429
      const retryAfter = limited.extensions?.data?.retryAfter
      if (typeof retryAfter === 'number') headers.set('Retry-After', String(retryAfter))
    } else if (body.errors?.length && !('data' in body)) {
      status = 400
    }
    return new Response(text, { status, headers })
  }
}
