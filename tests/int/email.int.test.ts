import { createClient } from '@libsql/client'
import { randomBytes } from 'node:crypto'
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest'
import { onlyInRunOn } from '../helpers/database'
import { provisionSqlite, type ProvisionedDatabase } from '../helpers/provision'
import { runScript } from '../helpers/scripts'
import { freePort, type RunningServer, startNextServer } from '@/scripts/lib/server'

/**
 * E-mail against a real SMTP server: `smtp-server` listening on a free port (with a login, so the
 * credentials in SMTP_URL are shown to reach it) collects every mail, and a production server of the
 * site on its own SQLite database sends to it. Forgot-password and the welcome mail for a new editor
 * arrive in Danish with a link on SITE_URL that works once and expires; `npm run user:reset-password`
 * sets a password under the same policy.
 *
 * It makes its own database and server, so it runs once, in the SQLite run (`npm test`).
 */

const RUNS_ONCE = 'it starts its own SMTP server and a site server on its own SQLite database'
const SMTP_USER = 'faxe-web'
const SMTP_PASSWORD = randomBytes(8).toString('hex')
const FROM = 'noreply@faxe.invalid'
const ADMIN = { email: 'admin@mail.faxe.invalid', password: 'postkassen ved havnen er blå 2026' }

const secret = randomBytes(32).toString('hex')
const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'faxe-email-media-'))
const inbox: ParsedMail[] = []
let smtp: SMTPServer
let database: ProvisionedDatabase
let server: RunningServer
let build: string

async function startSmtp(): Promise<number> {
  const port = await freePort()
  smtp = new SMTPServer({
    authMethods: ['PLAIN', 'LOGIN'],
    // A local sink on the loopback interface: no TLS certificate, so the login goes in plain text.
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD)
        callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          inbox.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve))
  return port
}

/** The first mail to `to` with `subject` that arrives after `since` mails were in the inbox. */
async function mailTo(to: string, subject: RegExp, since = 0): Promise<ParsedMail> {
  return vi.waitFor(
    () => {
      const mail = inbox
        .slice(since)
        .find(
          (m) =>
            m.to && !Array.isArray(m.to) && m.to.value[0]?.address === to && subject.test(m.subject ?? ''),
        )
      if (!mail) throw new Error(`no mail to ${to} yet (${inbox.length} in the inbox)`)
      return mail
    },
    { timeout: 15_000, interval: 100 },
  )
}

function linkIn(mail: ParsedMail): string {
  const href = /<a href="([^"]+)"/.exec(String(mail.html))?.[1]
  expect(href, String(mail.html)).toBeTruthy()
  return href!.replaceAll('&amp;', '&')
}

const tokenOf = (link: string) => decodeURIComponent(link.split('/').at(-1)!)

async function post(pathname: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `JWT ${token}` } : {}) },
    body: JSON.stringify(body),
  })
}

const login = (email: string, password: string) => post('/api/users/login', { email, password })

/** The stored expiry of a user's reset token, straight from the site's SQLite file. */
async function withDatabase<T>(run: (db: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const db = createClient({ url: database.uri })
  try {
    return await run(db)
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  if (inject('databaseKind') !== 'sqlite') return
  const smtpPort = await startSmtp()
  database = await provisionSqlite()
  const env = { DATABASE_URI: database.uri, PAYLOAD_SECRET: secret, MEDIA_DIR: mediaDir }
  const seeded = await runScript('seed', [], {
    ...env,
    SEED_ADMIN_EMAIL: ADMIN.email,
    SEED_ADMIN_PASSWORD: ADMIN.password,
  })
  expect(seeded.code, seeded.output).toBe(0)
  // Its own copy of the build as next build left it (see tests/int/db-copy.int.test.ts).
  build = `${inject('distDir')}-email`
  rmSync(build, { recursive: true, force: true })
  cpSync(path.resolve(inject('pristineDistDir')), build, { recursive: true })
  const port = await freePort()
  server = await startNextServer(
    build,
    {
      ...env,
      SITE_URL: `http://127.0.0.1:${port}`,
      SMTP_URL: `smtp://${SMTP_USER}:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
      EMAIL_FROM: `Faxe i Fællesskab <${FROM}>`,
    },
    port,
  )
}, 120_000)

afterAll(async () => {
  await server?.stop()
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()))
  await database?.drop()
  if (build) rmSync(build, { recursive: true, force: true })
  rmSync(mediaDir, { recursive: true, force: true })
}, 60_000)

describe('e-mail over SMTP', () => {
  it('sends a Danish forgot-password mail whose link works once', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', RUNS_ONCE)
    const since = inbox.length
    const asked = await post('/api/users/forgot-password', { email: ADMIN.email })
    expect(asked.status).toBe(200)

    const mail = await mailTo(ADMIN.email, /^Nulstil din adgangskode til Faxe i Fællesskab$/, since)
    expect(mail.from?.value[0]).toEqual({ address: FROM, name: 'Faxe i Fællesskab' })
    expect(mail.html).toContain('Kære Administrator')
    expect(mail.html).toContain('Linket virker én gang og udløber om én time.')
    expect(mail.html).toContain('lang="da"')
    const link = linkIn(mail)
    expect(link).toMatch(new RegExp(`^${server.url}/admin/reset/[0-9a-f]{40}$`))

    // Payload's resetPasswordExpiration: one hour from the request.
    const expires = await withDatabase(async (db) => {
      const { rows } = await db.execute({
        sql: 'SELECT reset_password_expiration AS at FROM users WHERE email = ?',
        args: [ADMIN.email],
      })
      return new Date(String(rows[0]?.at)).getTime()
    })
    expect(expires - Date.now()).toBeGreaterThan(55 * 60_000)
    expect(expires - Date.now()).toBeLessThanOrEqual(60 * 60_000)

    // The link opens the admin's "new password" page …
    const page = await fetch(link)
    expect(page.status).toBe(200)
    // … and its token sets a new password, once.
    const newPassword = 'tre nye nøgler til rådhusets kælder'
    const reset = await post('/api/users/reset-password', { token: tokenOf(link), password: newPassword })
    expect(reset.status).toBe(200)
    expect((await login(ADMIN.email, newPassword)).status).toBe(200)
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(401)
    const again = await post('/api/users/reset-password', {
      token: tokenOf(link),
      password: 'en helt anden sætning om Faxe Ladeplads',
    })
    expect(again.status).toBe(403)
    expect((await login(ADMIN.email, newPassword)).status).toBe(200)
    ADMIN.password = newPassword
  })

  it("welcomes a new editor in Danish with a link to choose their own password, never the administrator's", async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', RUNS_ONCE)
    const { token } = (await (await login(ADMIN.email, ADMIN.password)).json()) as { token: string }
    const editor = {
      email: 'ny.redaktoer@mail.faxe.invalid',
      name: 'Nanna Redaktør',
      // What the administrator typed in the form; the new editor never needs to know it.
      password: 'administratorens midlertidige kodeord 77',
    }
    const since = inbox.length
    const created = await post('/api/users', { ...editor, role: 'editor' }, token)
    expect(created.status).toBe(201)

    const mail = await mailTo(editor.email, /^Velkommen som redaktør på Faxe i Fællesskab$/, since)
    expect(mail.html).toContain('Kære Nanna Redaktør')
    expect(mail.html).toContain(
      `Du er blevet oprettet som redaktør på ${new URL(server.url).host}, Faxe Kommunes`,
    )
    expect(mail.html).toContain('udløber om 3 dage')
    expect(`${mail.html} ${mail.text}`).not.toContain(editor.password)
    const link = linkIn(mail)
    expect(link).toMatch(new RegExp(`^${server.url}/admin/reset/[0-9a-f]{40}$`))

    const own = 'mit eget kodeord om skoven ved Vemmetofte'
    expect((await post('/api/users/reset-password', { token: tokenOf(link), password: own })).status).toBe(
      200,
    )
    expect((await login(editor.email, own)).status).toBe(200)
    expect((await post('/api/users/reset-password', { token: tokenOf(link), password: own })).status).toBe(
      403,
    )
  })

  it('refuses a link once it has expired, and the password stays as it was', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', RUNS_ONCE)
    const since = inbox.length
    expect(
      (await post('/api/users/forgot-password', { email: 'ny.redaktoer@mail.faxe.invalid' })).status,
    ).toBe(200)
    const link = linkIn(await mailTo('ny.redaktoer@mail.faxe.invalid', /^Nulstil din adgangskode/, since))
    // An hour passes: the stored expiry is moved into the past.
    await withDatabase((db) =>
      db.execute({
        sql: 'UPDATE users SET reset_password_expiration = ? WHERE email = ?',
        args: [new Date(Date.now() - 1000).toISOString(), 'ny.redaktoer@mail.faxe.invalid'],
      }),
    )
    const late = await post('/api/users/reset-password', {
      token: tokenOf(link),
      password: 'for sent til at skifte kodeord i dag',
    })
    expect(late.status).toBe(403)
    expect(
      (await login('ny.redaktoer@mail.faxe.invalid', 'mit eget kodeord om skoven ved Vemmetofte')).status,
    ).toBe(200)
  })

  it('answers forgot-password for an unknown address like a known one, and sends nothing', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', RUNS_ONCE)
    const since = inbox.length
    const known = await post('/api/users/forgot-password', { email: 'ny.redaktoer@mail.faxe.invalid' })
    const unknown = await post('/api/users/forgot-password', { email: 'ingen@mail.faxe.invalid' })
    expect(unknown.status).toBe(known.status)
    expect(await unknown.json()).toEqual(await known.json())
    // The known address's mail arrives (or its 15-second interval held it back); nothing to the unknown one.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(inbox.slice(since).some((m) => JSON.stringify(m.to).includes('ingen@mail.faxe.invalid'))).toBe(
      false,
    )
  })
})

describe('npm run user:reset-password', () => {
  const env = () => ({ DATABASE_URI: database.uri, PAYLOAD_SECRET: secret, MEDIA_DIR: mediaDir })

  it('sets a new password read from standard input, under the password policy, and never prints it', async (ctx) => {
    onlyInRunOn(ctx, 'sqlite', RUNS_ONCE)
    const weak = await runScript(
      'user-reset-password',
      ['--password-stdin', ADMIN.email],
      env(),
      'faxekommune1\n',
    )
    expect(weak.code, weak.output).toBe(2)
    expect(weak.output).toContain('Adgangskoden skal være mindst 12 tegn')
    expect(weak.output).not.toContain('faxekommune1')
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(200)

    const chosen = 'kommandolinjens lange kodeord ved Præstø fjord'
    const set = await runScript(
      'user-reset-password',
      ['--password-stdin', ADMIN.email],
      env(),
      `${chosen}\n`,
    )
    expect(set.code, set.output).toBe(0)
    expect(set.output).toContain(`Ny adgangskode sat for Administrator <${ADMIN.email}>.`)
    expect(set.output).not.toContain(chosen)
    expect((await login(ADMIN.email, chosen)).status).toBe(200)
    expect((await login(ADMIN.email, ADMIN.password)).status).toBe(401)
    ADMIN.password = chosen

    const unknown = await runScript(
      'user-reset-password',
      ['--password-stdin', 'ingen@mail.faxe.invalid'],
      env(),
      `${chosen}\n`,
    )
    expect(unknown.code).toBe(3)
    expect(unknown.output).toContain('Der findes ingen bruger med e-mailadressen ingen@mail.faxe.invalid.')
  }, 60_000)
})
