import type { Payload } from 'payload'
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
