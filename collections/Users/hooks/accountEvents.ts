import { pbkdf2, randomBytes } from 'node:crypto'
import { promisify } from 'node:util'
import {
  AuthenticationError,
  type AfterErrorHook,
  type CollectionAfterLoginHook,
  type CollectionAfterOperationHook,
  type CollectionBeforeOperationHook,
  type DefaultDocumentIDType,
  formatErrors,
  LockedAuth,
  type PayloadRequest,
  ValidationError,
} from 'payload'
import { writeAccountEntry } from '@/plugins/editorial/hooks/audit'
import { clientAddress } from '@/lib/client-address'
import { forget, giveBack, take } from '@/lib/rate-limit'
import { passwordProblem } from '../passwordPolicy'

/**
 * The account rules, on Payload's own hook points so that REST, GraphQL and the admin (which logs in
 * over REST) all pass through them:
 * - beforeOperation: rate limits on login, forgot-password and reset-password (lib/rate-limit.ts), and
 *   the password policy on every operation that sets a password (create, update, resetPassword; the
 *   first-user form creates through the create operation);
 * - afterLogin / afterOperation('unlock'): the audit log, and the account's count starts afresh;
 * - afterError (config-level, registered in payload.config.ts; Payload calls it for REST and GraphQL
 *   errors): a locked account answers exactly like an unknown address or a wrong password, and failed
 *   logins and lockouts go to the audit log.
 *
 * The Local API (seed, scripts, tests) is not rate limited: it is not reachable from outside.
 */

type LoginAttempt = {
  address: string
  client: string
  account: { id: DefaultDocumentIDType; name?: string | null; email?: string | null } | null
  wasLocked: boolean
}

const ATTEMPT = 'loginAttempt'

const normaliseAddress = (value: unknown): string =>
  typeof value === 'string' ? value.toLowerCase().trim().slice(0, 320) : ''

const fromOutside = (req: PayloadRequest) => req.payloadAPI === 'REST' || req.payloadAPI === 'GraphQL'

const isLocked = (lockUntil: unknown) =>
  typeof lockUntil === 'string' || lockUntil instanceof Date
    ? new Date(lockUntil).getTime() > Date.now()
    : false

type AccountRow = {
  id: DefaultDocumentIDType
  name?: string | null
  email?: string | null
  lockUntil?: string | null
  loginAttempts?: number | null
}

async function findAccount(req: PayloadRequest, address: string): Promise<AccountRow | null> {
  if (!address) return null
  // Payload's own login reads the row the same way (db.findOne, no access: nobody is logged in yet).
  return (await req.payload.db.findOne({
    collection: 'users',
    where: { email: { equals: address } },
    req,
  })) as AccountRow | null
}

/**
 * Payload answers an unknown address or a locked account without hashing anything, so faster than a wrong
 * password (600,000 PBKDF2 rounds): the time would tell an attacker which addresses exist. Those cost the
 * same hash here. (The rate limits bound what this costs the server.)
 */
const hashLikePayload = promisify(pbkdf2)
async function spendAPasswordCheck(): Promise<void> {
  await hashLikePayload(randomBytes(16), randomBytes(32).toString('hex'), 600_000, 32, 'sha256')
}

async function limitLogin(req: PayloadRequest, data: Record<string, unknown>): Promise<void> {
  const address = normaliseAddress(data.email)
  const client = clientAddress(req.headers)
  const used = await take(req, [
    ['loginByClient', client],
    ['loginByAccount', address],
  ])
  const account = await findAccount(req, address)
  const wasLocked = isLocked(account?.lockUntil)
  // Payload refuses an unknown or locked account before it hashes the password given.
  if (!account || wasLocked) await spendAPasswordCheck()
  // Payload's failure count never decays (it resets only on success or when a lock ends), so 4 failures
  // now and 1 next week would lock the account. The rate limit's window is the one that counts: the first
  // attempt of a new window restarts Payload's count, keeping it below the lockout.
  if (account && !wasLocked && used.loginByAccount === 1 && (account.loginAttempts ?? 0) > 0) {
    await req.payload.db.updateOne({
      collection: 'users',
      id: account.id,
      data: { loginAttempts: 0 },
      req,
      returning: false,
    })
  }
  const attempt: LoginAttempt = {
    address,
    client,
    account: account ? { id: account.id, name: account.name, email: account.email } : null,
    wasLocked,
  }
  req.context[ATTEMPT] = attempt
}

function checkPassword(data: Record<string, unknown> | undefined, req: PayloadRequest): void {
  const password = data?.password
  if (password === undefined || password === null || password === '') return
  const inputs = [data?.email, data?.name, req.user?.email, (req.user as { name?: string } | null)?.name]
  const problem =
    typeof password === 'string'
      ? passwordProblem(
          password,
          inputs.filter((v): v is string => typeof v === 'string').flatMap((v) => [v, ...v.split(/[@.\s]+/)]),
        )
      : 'Adgangskoden skal være tekst.'
  if (problem) {
    throw new ValidationError(
      { collection: 'users', errors: [{ path: 'password', message: problem }] },
      req.t,
    )
  }
}

export const accountRules: CollectionBeforeOperationHook = async ({ args, operation, req }) => {
  const data = (args as { data?: Record<string, unknown> }).data
  if (operation === 'create' || operation === 'update' || operation === 'resetPassword') {
    checkPassword(data, req)
  }
  if (!fromOutside(req)) return args
  if (operation === 'login') await limitLogin(req, data ?? {})
  if (operation === 'forgotPassword') {
    await take(req, [
      ['forgotByClient', clientAddress(req.headers)],
      ['forgotByAccount', normaliseAddress(data?.email)],
    ])
  }
  if (operation === 'resetPassword') await take(req, [['resetByClient', clientAddress(req.headers)]])
  return args
}

export const auditLogin: CollectionAfterLoginHook = async ({ req, user }) => {
  const attempt = req.context[ATTEMPT] as LoginAttempt | undefined
  if (!attempt) return user
  // A successful login was not a guess: the client gets its point back, the account starts afresh.
  await giveBack('loginByClient', attempt.client)
  await forget('loginByAccount', attempt.address)
  await writeAccountEntry(req, {
    action: 'loggedIn',
    account: user as { id: DefaultDocumentIDType; name?: string | null; email?: string | null },
    address: attempt.address,
    clientAddress: attempt.client,
  })
  return user
}

export const auditUnlock: CollectionAfterOperationHook = async ({ args, operation, req, result }) => {
  if (operation !== 'unlock' || !result) return result
  const address = normaliseAddress((args as { data?: { email?: unknown } }).data?.email)
  await forget('loginByAccount', address)
  const account = await findAccount(req, address)
  await writeAccountEntry(req, {
    action: 'unlocked',
    account: account ? { id: account.id, name: account.name, email: account.email } : null,
    address,
    clientAddress: clientAddress(req.headers),
  })
  return result
}

function isLockedError(error: Error, req: PayloadRequest): boolean {
  return error instanceof LockedAuth || error.message === req.t('error:userLocked')
}

function isWrongCredentials(error: Error, req: PayloadRequest): boolean {
  return error instanceof AuthenticationError || error.message === req.t('error:emailOrPasswordIncorrect')
}

/**
 * Unknown, wrong and locked answer alike: Payload answers a locked account with its own message ("this
 * user is locked…"), which tells a stranger that the address exists and that their guesses counted. The
 * answer is replaced by exactly the one Payload gives for a wrong password.
 */
export const sameAnswerForLockedAccounts: AfterErrorHook = async ({ error, graphqlResult, req }) => {
  const attempt = req.context?.[ATTEMPT] as LoginAttempt | undefined
  const locked = isLockedError(error, req)
  if (attempt && (locked || isWrongCredentials(error, req))) {
    delete req.context[ATTEMPT]
    // Payload locks the account on the failure that reaches maxLoginAttempts but may still answer it as
    // a wrong password; the stored row says whether this attempt locked it.
    const now = attempt.account ? await findAccount(req, attempt.address) : null
    const nowLocked = !attempt.wasLocked && (locked || isLocked(now?.lockUntil))
    await writeAccountEntry(req, {
      action: nowLocked ? 'lockedOut' : 'loginFailed',
      account: attempt.account,
      address: attempt.address,
      clientAddress: attempt.client,
    }).catch((auditError: unknown) =>
      req.payload.logger.error({ err: auditError }, 'Could not write a failed login to the audit log'),
    )
  }
  if (!locked) return
  const same = new AuthenticationError(req.t)
  if (graphqlResult) {
    return {
      graphqlResult: {
        ...graphqlResult,
        message: same.message,
        extensions: { ...graphqlResult.extensions, name: same.name, statusCode: same.status },
      },
    }
  }
  return { response: formatErrors(same), status: same.status }
}
