import { defineConfig } from 'vitest/config'
import { resolve } from './vitest.config.ts'

/**
 * `npm run test:topology`: several instances of one build on one PostgreSQL database and one Redis, behind
 * a Varnish front cache: the production topology (tests/topology). It needs Redis (the machine's, and
 * `redis-server` to start one of its own) and Varnish with xkey, and fails at once, naming what is missing. Otherwise the set-up of
 * `npm test` on PostgreSQL (tests/helpers/global-setup.ts): a database, the production build and a server;
 * the tests start their own instances on a copy of that build.
 */
export default defineConfig({
  resolve,
  test: {
    environment: 'node',
    include: ['tests/topology/**/*.topology.test.ts'],
    globalSetup: ['tests/helpers/topology-setup.ts', 'tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup-env.ts'],
    // Each file starts servers and takes services away: one at a time.
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 180_000,
    reporters: ['default', './tests/helpers/skip-summary.ts'],
  },
})
