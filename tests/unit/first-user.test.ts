import type { PayloadRequest } from 'payload'
import { describe, expect, it } from 'vitest'
import { firstUserIsAdmin } from '@/collections/Users/hooks/firstUserIsAdmin'

function requestWithUsers(count: number): PayloadRequest {
  return { payload: { count: async () => ({ totalDocs: count }) } } as unknown as PayloadRequest
}

const run = (operation: 'create' | 'update', existing: number) =>
  firstUserIsAdmin({
    data: { name: 'Ny', role: 'editor' },
    operation,
    req: requestWithUsers(existing),
  } as Parameters<typeof firstUserIsAdmin>[0])

describe('firstUserIsAdmin', () => {
  it('makes the first account of an empty database an admin', async () => {
    expect(await run('create', 0)).toMatchObject({ role: 'admin' })
  })

  it('leaves later accounts with the role they were given', async () => {
    expect(await run('create', 3)).toMatchObject({ role: 'editor' })
  })

  it('never changes a role on update', async () => {
    expect(await run('update', 0)).toMatchObject({ role: 'editor' })
  })
})
