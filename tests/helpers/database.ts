import { inject, type TestContext } from 'vitest'
import type { DatabaseKind } from './provision'

/**
 * Which database this run's tests talk to, and the one way a test steps around a database it cannot run
 * on. The whole integration suite runs on each kind (`npm test`: SQLite, `npm run test:postgres`,
 * `npm run test:mongodb`); a test file needs nothing to join them.
 *
 * MongoDB is tested against jongodb, a wire-compatible reimplementation with known gaps. A test that needs
 * something jongodb lacks calls `skipWithout(ctx, '<command>')`: on MongoDB it is skipped with a note that
 * names the missing command (Vitest prints the note beside the test, and `tests/helpers/skip-summary.ts`
 * lists and counts every skip at the end of the run); on SQLite and PostgreSQL it runs. The product is
 * never changed to suit the test server.
 */

export const DATABASE: DatabaseKind = inject('databaseKind')

/** What the jongodb test server lacks that real MongoDB (and Payload's adapter) uses. */
export const TEST_SERVER_GAPS = {
  'findAndModify remove':
    'jongodb refuses findAndModify with remove: true as the driver sends it ("new is not allowed when remove=true"), so Payload\'s delete by id (findOneAndDelete) fails',
  '$push/$pull':
    'jongodb has no $push / $pull / $min / $max / $rename update operators (Payload uses $push for login sessions and document locks)',
  '$addFields expressions':
    'jongodb returns aggregation expressions inside $addFields / $project literally (join fields and sorting by related fields come back wrong)',
  'listCollections/drop': 'jongodb has no create / drop / listCollections commands',
  $text:
    'jongodb builds text indexes but cannot query them: no $text query operator ("unsupported query operator: $search") and no {$meta: "textScore"} sort, so /soeg cannot search on it',
} as const

export type TestServerGap = keyof typeof TEST_SERVER_GAPS

/** The note a skipped test carries: which command is missing where. */
export function gapNote(gap: TestServerGap): string {
  return `MongoDB test server lacks ${gap}: ${TEST_SERVER_GAPS[gap]}`
}

/** True on the MongoDB test server, where `gap` is missing. */
export function lacks(gap: TestServerGap): boolean {
  void gap
  return DATABASE === 'mongodb'
}

/** Skips the running test on the MongoDB test server only, naming the missing command. */
export function skipWithout(ctx: Pick<TestContext, 'skip'>, ...gaps: TestServerGap[]): void {
  const missing = gaps.filter(lacks)
  if (missing.length > 0) ctx.skip(missing.map(gapNote).join('; '))
}

/** A document id in a URL: an integer on SQLite and PostgreSQL, a 24-digit hex ObjectId on MongoDB. */
export const DOCUMENT_ID = '[0-9a-f]{24}|\\d+'

/** A well-formed id that no document has, in this database's id form (for "404, not 400" tests). */
export const ABSENT_ID = DATABASE === 'mongodb' ? 'ffffffffffffffffffffffff' : '99999999'

/**
 * For a test that makes its own databases (the copy test), so running it again in every run would only
 * repeat it: it runs in the run on `kind` and is skipped in the others, with a note that says so.
 */
export function onlyInRunOn(ctx: Pick<TestContext, 'skip'>, kind: DatabaseKind, why: string): void {
  if (DATABASE !== kind) ctx.skip(`runs in the ${kind} run only: ${why}`)
}
