import { ZxcvbnFactory } from '@zxcvbn-ts/core'
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common'

/**
 * Passwords: at least 12 characters and not a common or easily guessed one. "Common" is judged by
 * zxcvbn-ts with its shipped list of the passwords most seen in breaches, keyboard patterns, dates and
 * repeats, plus the words an attacker on this site would try first (below) and the user's own name and
 * address. A password must score 3 of 4 ("safely unguessable", about 10^8 guesses or more).
 */

export const MIN_PASSWORD_LENGTH = 12
const MIN_SCORE = 3

/** Danish and local words that the shipped (mostly English) list does not know. */
const LOCAL_WORDS = [
  'faxe',
  'faxekommune',
  'kommune',
  'faellesskab',
  'fællesskab',
  'haslev',
  'stevns',
  'sjaelland',
  'sjælland',
  'danmark',
  'kodeord',
  'adgangskode',
  'hemmelig',
  'velkommen',
  'sommer',
  'vinter',
  'foraar',
  'forår',
  'efteraar',
  'efterår',
  'januar',
  'februar',
  'marts',
  'april',
  'maj',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'december',
  'redaktoer',
  'redaktør',
  'administrator',
]

let checker: ZxcvbnFactory | undefined

function zxcvbn(): ZxcvbnFactory {
  checker ??= new ZxcvbnFactory({
    dictionary: { ...dictionary, local: LOCAL_WORDS },
    graphs: adjacencyGraphs,
  })
  return checker
}

export const PASSWORD_POLICY_MESSAGE =
  `Adgangskoden skal være mindst ${MIN_PASSWORD_LENGTH} tegn og må ikke være en almindelig eller let gættelig ` +
  'adgangskode (som «Sommer2024!» eller dit eget navn). Brug fx en sætning på fire-fem ord.'

/** The Danish message for a password that breaks the policy, or null when it is fine. */
export function passwordProblem(password: string, userInputs: string[] = []): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return PASSWORD_POLICY_MESSAGE
  // zxcvbn's cost grows with length; a very long passphrase is not guessable by pattern anyway.
  const { score } = zxcvbn().check(password.slice(0, 100), userInputs.filter(Boolean))
  return score < MIN_SCORE ? PASSWORD_POLICY_MESSAGE : null
}
