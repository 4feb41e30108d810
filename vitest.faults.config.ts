import { defineConfig } from 'vitest/config'
import { resolve } from './vitest.config.ts'

/**
 * `npm run test:faults`: the slow fault tests (tests/faults), apart from `npm test` because each takes
 * tens of seconds (a PostgreSQL stopped and started, a lock held for the busy timeout, servers killed and
 * restarted, 30 s of readers). Same set-up as `npm test` on SQLite: the production build and a server
 * (tests/helpers/global-setup.ts); the tests start further servers of their own on copies of that build.
 */
export default defineConfig({
  resolve,
  test: {
    environment: 'node',
    include: ['tests/faults/**/*.faults.test.ts'],
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup-env.ts'],
    // They measure time and take servers down: one at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/helpers/skip-summary.ts'],
  },
})
