import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'
import { expect } from 'vitest'
import { get } from './http'
import { createUser, type TestUser } from './users'

/** A user of the given role, logged in over REST; requests carry their token like the admin's do. */
export async function restLogin(
  payload: Payload,
  role: 'admin' | 'editor',
): Promise<TestUser & { token: string }> {
  const user = await createUser(payload, role)
  const response = await get('/api/users/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: user.email, password: user.password }),
  })
  if (response.status !== 200) throw new Error(`login failed: ${response.status} ${await response.text()}`)
  const { token } = (await response.json()) as { token: string }
  return { ...user, token }
}

export function authed(token: string, init: RequestInit = {}): RequestInit {
  return {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers, authorization: `JWT ${token}` },
  }
}

/**
 * Creates a document over REST as `token`'s user, as the admin does. Fixtures that anonymous reads must see
 * are written this way: a write through the server's own request refreshes its caches, where a Local API
 * write from the test process (with `testContext`) does not, and would leave a cached answer stale for a
 * later test file that asks the same URL.
 */
export async function restCreate<T extends { id: DefaultDocumentIDType }>(
  token: string,
  collection: CollectionSlug,
  data: Record<string, unknown>,
  query = '',
): Promise<T> {
  const response = await get(
    `/api/${collection}${query}`,
    authed(token, { method: 'POST', body: JSON.stringify(data) }),
  )
  if (response.status !== 201) {
    throw new Error(`creating ${collection} failed: ${response.status} ${await response.text()}`)
  }
  return ((await response.json()) as { doc: T }).doc
}

/**
 * Deletes a document over REST by `where` (one `deleteMany`, which the MongoDB test server can do where it
 * cannot delete by id; see TEST_SERVER_GAPS in tests/helpers/database.ts), so the server's caches forget it.
 */
export async function restRemove(
  token: string,
  collection: CollectionSlug,
  id: DefaultDocumentIDType,
): Promise<void> {
  const response = await get(
    `/api/${collection}?where[id][equals]=${encodeURIComponent(String(id))}`,
    authed(token, { method: 'DELETE' }),
  )
  if (response.status !== 200) {
    throw new Error(`removing ${collection} ${id} failed: ${response.status} ${await response.text()}`)
  }
}

/**
 * A JSON request to a server of the test's own (not the run's shared one, see `get`), as `token`'s user or
 * anonymously; any answer other than 2xx fails the test with the method, path and body.
 */
export async function restCall(
  origin: string,
  token: string | null,
  method: string,
  pathname: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${origin}${pathname}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })
  const json = (await response.json()) as Record<string, unknown>
  expect(response.status, `${method} ${pathname}: ${JSON.stringify(json)}`).toBeLessThan(300)
  return json
}
