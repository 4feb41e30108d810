import { randomBytes } from 'node:crypto'
import type { DefaultDocumentIDType, Payload } from 'payload'
import type { User } from '@/payload-types'
import { removeDocument } from './payload'

export type TestUser = User & { collection: 'users'; password: string }

/**
 * Creates a user with the given role directly in the database (test set-up, like the seed, bypasses
 * access control) and returns it in the shape Payload passes as `req.user`.
 */
export async function createUser(payload: Payload, role: 'admin' | 'editor'): Promise<TestUser> {
  const password = randomBytes(12).toString('hex')
  const user = await payload.create({
    collection: 'users',
    data: {
      email: `${role}-${randomBytes(4).toString('hex')}@test.faxe.invalid`,
      password,
      name: role === 'admin' ? 'Test Administrator' : 'Test Redaktør',
      role,
    },
    overrideAccess: true,
  })
  return { ...user, collection: 'users', password }
}

export async function deleteUser(payload: Payload, user: { id: DefaultDocumentIDType }): Promise<void> {
  await removeDocument(payload, 'users', user.id)
}
