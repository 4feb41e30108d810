import path from 'node:path'
import type { Reporter, TestModule } from 'vitest/node'
import { MONGODB_SUITE_WITHOUT_TRANSACTIONS } from './provision'

/**
 * Printed after Vitest's own summary: every skipped test with the reason it carries, grouped by reason and
 * counted, so a skip is never hidden in the run's output. A skip without a note (a bare `it.skip`) is listed
 * as such; `skipWithout()` in tests/helpers/database.ts names the missing command.
 */
export default class SkipSummary implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const byReason = new Map<string, string[]>()
    for (const testModule of testModules) {
      for (const test of testModule.children.allTests('skipped')) {
        const result = test.result()
        const reason = (result.state === 'skipped' && result.note) || 'no reason given (it.skip / todo)'
        const where = `${path.relative(process.cwd(), testModule.moduleId)} > ${test.fullName}`
        byReason.set(reason, [...(byReason.get(reason) ?? []), where])
      }
    }
    const database = process.env.TEST_DATABASE || 'sqlite'
    const total = [...byReason.values()].reduce((n, tests) => n + tests.length, 0)
    console.log(`\nSkipped on ${database}: ${total}`)
    if (database === 'mongodb') console.log(`  Note: ${MONGODB_SUITE_WITHOUT_TRANSACTIONS}`)
    for (const [reason, tests] of byReason) {
      console.log(`  ${tests.length} × ${reason}`)
      for (const test of tests) console.log(`      - ${test}`)
    }
  }
}
