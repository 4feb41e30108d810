import type { DefaultDocumentIDType, Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fromClient, newClientAddress } from '../helpers/clients'
import { get } from '../helpers/http'
import { testPayload } from '../helpers/payload'
import { createUser, deleteUser, type TestUser } from '../helpers/users'

/** Logging in over HTTP: lockout, no account oracle on forgot-password, and what the login cookie allows. */

let payload: Payload
const users: TestUser[] = []

beforeAll(async () => {
  payload = await testPayload()
})

afterAll(async () => {
  for (const user of users) await deleteUser(payload, user)
})

async function newUser(): Promise<TestUser> {
  const user = await createUser(payload, 'editor')
  users.push(user)
  return user
}

/** Each test file's logins come from a client address of their own (see tests/helpers/clients.ts). */
const client = newClientAddress()

function login(email: string, password: string): Promise<Response> {
  return get('/api/users/login', {
    method: 'POST',
    headers: fromClient(client, { 'content-type': 'application/json' }),
    body: JSON.stringify({ email, password }),
  })
}

const message = async (response: Response) =>
  ((await response.json()) as { errors?: { message: string }[] }).errors?.[0]?.message

describe('logging in', () => {
  it('locks the account after 5 failed attempts, for 15 minutes, and then answers like a wrong password', async () => {
    const user = await newUser()
    // Over HTTP the rate limit answers 429 before a fifth failure (tests/int/accounts.int.test.ts); the
    // lockout is the backstop for failures counted elsewhere (the Local API here, say another instance).
    for (let attempt = 1; attempt <= 3; attempt++) {
      const response = await login(user.email, 'forkert-kodeord')
      expect(response.status).toBe(401)
      expect(await message(response)).toBe('Email eller adgangskode er forkert.')
    }
    for (let attempt = 4; attempt <= 5; attempt++) {
      await payload
        .login({ collection: 'users', data: { email: user.email, password: 'forkert-kodeord' } })
        .catch(() => undefined)
    }
    const locked = await login(user.email, user.password)
    expect(locked.status).toBe(401)
    expect(await message(locked)).toBe('Email eller adgangskode er forkert.')
    const stored = await payload.findByID({
      collection: 'users',
      id: user.id,
      overrideAccess: true,
      showHiddenFields: true,
    })
    const lockedFor = new Date(stored.lockUntil as string).getTime() - Date.now()
    expect(lockedFor).toBeGreaterThan(14 * 60 * 1000)
    expect(lockedFor).toBeLessThanOrEqual(15 * 60 * 1000)
  })

  it('answers forgot-password the same for a known and an unknown address', async () => {
    const user = await newUser()
    const since = new Date().toISOString()
    const ask = (email: string) =>
      get('/api/users/forgot-password', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      })
    const known = await ask(user.email)
    const unknown = await ask('findes-ikke@test.faxe.invalid')
    expect([known.status, await known.text()]).toEqual([unknown.status, await unknown.text()])
    expect(known.status).toBe(200)
    // Payload stores the reset token with an ordinary update; that is bookkeeping, not an editorial change.
    const { totalDocs } = await payload.count({
      collection: 'audit-log',
      where: {
        and: [
          { createdAt: { greater_than_equal: since } },
          { targetSlug: { equals: 'users' } },
          { documentId: { equals: String(user.id) } },
          { action: { equals: 'updated' } },
        ],
      },
    })
    expect(totalDocs).toBe(0)
  })

  it('sets an HttpOnly, SameSite=Lax cookie (Secure when the site is served over https)', async () => {
    const user = await newUser()
    const response = await login(user.email, user.password)
    expect(response.status).toBe(200)
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^payload-token=/)
    expect(cookie).toMatch(/HttpOnly/i)
    expect(cookie).toMatch(/SameSite=Lax/i)
    expect(cookie).toMatch(/Path=\//)
    // The test server runs on http://127.0.0.1, where a Secure cookie would never be sent back.
    expect(process.env.SITE_URL?.startsWith('http://')).toBe(true)
    expect(cookie).not.toMatch(/Secure/i)
  })

  it('accepts the cookie from the site itself but not from a page on another site (CSRF)', async () => {
    const user = await newUser()
    const token = /payload-token=([^;]+)/.exec(
      (await login(user.email, user.password)).headers.get('set-cookie') ?? '',
    )?.[1]
    const me = (origin: string) =>
      get('/api/users/me', { headers: { cookie: `payload-token=${token}`, origin } })
    const own = (await (await me(process.env.SITE_URL as string)).json()) as {
      user: { id: DefaultDocumentIDType } | null
    }
    expect(own.user?.id).toBe(user.id)
    const foreign = (await (await me('https://evil.example')).json()) as { user: unknown }
    expect(foreign.user).toBeNull()
  })
})
