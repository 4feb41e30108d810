import { Kind, parse, visit, type ValueNode } from 'graphql'
import { boundsProblem } from '@/lib/api/limits'

/**
 * GraphQL reads get the same bounds as REST: Payload's list queries accept `limit: 0` and
 * `pagination: false`, which would return every document in one answer. The query is parsed here (the
 * complexity limit in payload.config.ts covers nesting) and a violation is answered with a 400 in
 * GraphQL's error shape before Payload runs anything.
 */

type Body = { query?: unknown; variables?: unknown }

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  switch (node.kind) {
    case Kind.INT:
      return Number(node.value)
    case Kind.FLOAT:
      return Number(node.value)
    case Kind.BOOLEAN:
      return node.value
    case Kind.VARIABLE:
      return variables[node.name.value]
    case Kind.NULL:
      return null
    default:
      return undefined
  }
}

/** The first bounds violation in the request, or null. Unparseable queries are left to Payload's errors. */
export function graphqlBoundsProblem(body: Body): string | null {
  if (typeof body.query !== 'string') return null
  const variables =
    typeof body.variables === 'object' && body.variables !== null
      ? (body.variables as Record<string, unknown>)
      : {}
  let document
  try {
    document = parse(body.query)
  } catch {
    return null
  }
  let problem: string | null = null
  visit(document, {
    Argument(node) {
      if (problem) return
      const value = valueOf(node.value, variables)
      if (node.name.value === 'limit' && value !== undefined && value !== null) {
        problem = boundsProblem({ limit: typeof value === 'number' ? value : NaN })
      } else if (node.name.value === 'page' && value !== undefined && value !== null) {
        problem = boundsProblem({ page: typeof value === 'number' ? value : NaN })
      } else if (node.name.value === 'pagination' && value === false) {
        problem = boundsProblem({ pagination: false })
      }
    },
  })
  return problem
}

type Handler = (request: Request) => Promise<Response>

export function boundedGraphql(handler: Handler): Handler {
  return async (request) => {
    let body: Body
    try {
      body = (await request.clone().json()) as Body
    } catch {
      return handler(request)
    }
    const problem = graphqlBoundsProblem(body)
    if (problem) {
      return Response.json(
        { errors: [{ message: problem, extensions: { statusCode: 400 } }] },
        { status: 400, headers: { 'Cache-Control': 'private, no-store' } },
      )
    }
    return handler(request)
  }
}
