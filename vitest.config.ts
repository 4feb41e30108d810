import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))
// `npm run test:e2e` runs the browser tests (Debian Chromium) with the same set-up; `npm test` the rest.
const e2e = process.env.TEST_SUITE === 'e2e'
// `npm test` runs on SQLite; `npm run test:postgres` and `npm run test:mongodb` run every integration test
// again on a fresh database of that kind (tests/helpers/global-setup.ts). Unit tests touch no database.
const database = process.env.TEST_DATABASE || 'sqlite'
const include = e2e
  ? ['tests/e2e/**/*.e2e.test.ts']
  : database === 'sqlite'
    ? ['tests/unit/**/*.test.ts', 'tests/int/**/*.int.test.ts']
    : ['tests/int/**/*.int.test.ts']

/** The project's import aliases, shared by every test configuration (faults, topology). */
export const resolve = {
  alias: [
    { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
    { find: /^@\/(.*)$/, replacement: `${root}/$1` },
  ],
}

export default defineConfig({
  resolve,
  test: {
    environment: 'node',
    include,
    // One production build and one server are shared by every file; see tests/helpers/global-setup.ts.
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup-env.ts'],
    // Two cores and one shared database: files run one after another.
    fileParallelism: false,
    testTimeout: e2e ? 60_000 : 30_000,
    hookTimeout: 120_000,
    // The default report, then every skipped test with its reason, counted (tests/helpers/skip-summary.ts).
    reporters: ['default', './tests/helpers/skip-summary.ts'],
  },
})
