import { mkdtempSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { emailStatusLine, EnvError, loadEnv } from '@/lib/env'

describe('SMTP_URL and EMAIL_FROM', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'faxe-email-env-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))
  const load = (vars: Record<string, string>) => loadEnv(vars, dir)

  it('leaves e-mail off without SMTP_URL, and npm start says so in one line', () => {
    expect(load({}).email).toBeUndefined()
    expect(emailStatusLine(undefined)).toBe(
      'e-mail: off (SMTP_URL is not set): mails are only logged; set passwords with npm run user:reset-password',
    )
  })

  it('takes host, port, TLS and credentials from SMTP_URL and the sender from EMAIL_FROM', () => {
    const { email } = load({
      SMTP_URL: 'smtp://faxe%40kommune:p%C3%A6ss%2Fword@mail.faxe.dk:2525',
      EMAIL_FROM: '"Faxe i Fællesskab" <noreply@faxe.dk>',
    })
    expect(email).toEqual({
      smtp: {
        host: 'mail.faxe.dk',
        port: 2525,
        secure: false,
        auth: { user: 'faxe@kommune', pass: 'pæss/word' },
      },
      fromName: 'Faxe i Fællesskab',
      fromAddress: 'noreply@faxe.dk',
      description: 'smtp://faxe@kommune@mail.faxe.dk:2525',
    })
    // The start-up line names the server and the sender, never the password.
    expect(emailStatusLine(email)).toBe(
      'e-mail: on, via smtp://faxe@kommune@mail.faxe.dk:2525 from noreply@faxe.dk',
    )
    expect(emailStatusLine(email)).not.toContain('word')
  })

  it('defaults the port to 587 (smtp, STARTTLS) or 465 (smtps), and a bare address gets the site name', () => {
    const plain = load({ SMTP_URL: 'smtp://relay.faxe.dk', EMAIL_FROM: 'web@faxe.dk' }).email
    expect(plain).toMatchObject({
      smtp: { host: 'relay.faxe.dk', port: 587, secure: false },
      fromName: 'Faxe i Fællesskab',
    })
    expect(plain?.smtp).not.toHaveProperty('auth')
    expect(load({ SMTP_URL: 'smtps://relay.faxe.dk', EMAIL_FROM: 'web@faxe.dk' }).email?.smtp).toMatchObject({
      port: 465,
      secure: true,
    })
  })

  it('refuses a bad SMTP_URL or EMAIL_FROM with a message naming the variable, never the password', () => {
    expect(() => load({ SMTP_URL: 'http://mail.faxe.dk', EMAIL_FROM: 'web@faxe.dk' })).toThrow(
      /SMTP_URL must be an smtp:\/\//,
    )
    expect(() => load({ SMTP_URL: 'smtp://u:hemmeligt@mail.faxe.dk' })).toThrow(/EMAIL_FROM is required/)
    expect(() => load({ SMTP_URL: 'smtp://u:hemmeligt@mail.faxe.dk' })).not.toThrow(/hemmeligt/)
    expect(() => load({ SMTP_URL: 'smtp://mail.faxe.dk', EMAIL_FROM: 'Faxe <ikke en adresse>' })).toThrow(
      EnvError,
    )
    expect(() => load({ SMTP_URL: 'smtp://mail.faxe.dk', EMAIL_FROM: 'Faxe <ikke en adresse>' })).toThrow(
      /EMAIL_FROM must be/,
    )
    expect(() => load({ EMAIL_FROM: 'web@faxe.dk' })).toThrow(/EMAIL_FROM is set but SMTP_URL is not/)
  })
})
