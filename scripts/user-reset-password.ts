/**
 * `npm run user:reset-password -- EMAIL`: an administrator on the server sets a new password for an
 * account, for when e-mail is off (no SMTP_URL) or a mail does not arrive. The password is asked for
 * twice on the terminal without being shown, or read from standard input with `--password-stdin` (for a
 * password manager: `pass show faxe/redaktoer | npm run user:reset-password -- --password-stdin EMAIL`).
 * It is never printed. The users collection's password policy applies, as in the admin; a locked account
 * is unlocked.
 */
import { parseArgs } from 'node:util'
import { z } from 'zod'
import { EnvError, loadEnv } from '@/lib/env'

const say = (line: string) => console.log(`[user:reset-password] ${line}`)

/** Exit codes the caller can tell apart: a refused password (2) or an unknown account (3). */
const PASSWORD_REFUSED = 2
const NO_SUCH_ACCOUNT = 3

class Refusal extends Error {
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message)
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  // One trailing line break is the end of the line, not part of the password.
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '')
}

/** Reads one line from the terminal without echoing it. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const { stdin, stdout } = process
    stdout.write(question)
    stdin.setRawMode(true)
    stdin.resume()
    let value = ''
    const done = (error?: Error) => {
      stdin.setRawMode(false)
      stdin.pause()
      stdin.off('data', onData)
      stdout.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n') return done()
        if (char === '\u0003') return done(new Refusal('Afbrudt; intet er ændret.', 130))
        if (char === '\u007f' || char === '\b') value = [...value].slice(0, -1).join('')
        else if (char >= ' ') value += char
      }
    }
    stdin.on('data', onData)
  })
}

async function readPassword(fromStdin: boolean): Promise<string> {
  if (fromStdin) return readStdin()
  if (!process.stdin.isTTY) {
    throw new EnvError('No terminal to ask on: pipe the password in and add --password-stdin.')
  }
  const first = await askHidden('Ny adgangskode: ')
  const second = await askHidden('Gentag adgangskoden: ')
  if (first !== second)
    throw new Refusal('De to adgangskoder er ikke ens; intet er ændret.', PASSWORD_REFUSED)
  return first
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { 'password-stdin': { type: 'boolean', default: false } },
    allowPositionals: true,
  })
  const email = z.email().safeParse(positionals[0]?.trim().toLowerCase())
  if (positionals.length !== 1 || !email.success) {
    throw new EnvError('Usage: npm run user:reset-password -- [--password-stdin] EMAIL')
  }
  loadEnv()
  const password = await readPassword(values['password-stdin'])

  const { openPayload } = await import('./lib/database')
  const { passwordProblem } = await import('@/collections/Users/passwordPolicy')
  const payload = await openPayload()
  try {
    // An operator's command on the server, like the seed: there is no logged-in user to check access for.
    const { docs } = await payload.find({
      collection: 'users',
      where: { email: { equals: email.data } },
      limit: 1,
      depth: 0,
      overrideAccess: true,
    })
    const user = docs[0]
    if (!user) throw new Refusal(`Der findes ingen bruger med e-mailadressen ${email.data}.`, NO_SUCH_ACCOUNT)

    // The collection's own hook checks the policy again on the update; asking first gives the message
    // with the account's name and address counted as guessable words, as in the admin.
    const words = [user.email, user.name].flatMap((v) => [v, ...v.split(/[@.\s]+/)])
    const problem = passwordProblem(password, words)
    if (problem) throw new Refusal(problem, PASSWORD_REFUSED)

    await payload.update({
      collection: 'users',
      id: user.id,
      data: { password },
      overrideAccess: true,
    })
    say(`Ny adgangskode sat for ${user.name} <${user.email}>.`)
    if (user.lockUntil && new Date(user.lockUntil).getTime() > Date.now()) {
      // The generated UserAuthOperations type asks for a password here; the unlock operation ignores it.
      await payload.unlock({
        collection: 'users',
        data: { email: user.email, password },
        overrideAccess: true,
      })
      say('Kontoen var låst efter for mange forkerte forsøg og er nu låst op.')
    }
  } finally {
    await payload.destroy()
  }
}

main()
  // Exit explicitly: PostgreSQL's pool stays open after payload.destroy().
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    say(`Intet er ændret: ${message}`)
    if (process.env.DEBUG && error instanceof Error && !(error instanceof Refusal)) console.error(error.stack)
    process.exit(error instanceof Refusal ? error.code : 1)
  })
