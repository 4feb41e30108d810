import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const root = path.dirname(fileURLToPath(import.meta.url))
// `npm run test:e2e` runs the browser tests (Debian Chromium) with the same set-up; `npm test` the rest.
const e2e = process.env.TEST_SUITE === 'e2e'

export default defineConfig({
  resolve: {
    alias: [
      { find: '@payload-config', replacement: path.join(root, 'payload.config.ts') },
      { find: /^@\/(.*)$/, replacement: `${root}/$1` },
    ],
  },
  test: {
    environment: 'node',
    include: e2e ? ['tests/e2e/**/*.e2e.test.ts'] : ['tests/unit/**/*.test.ts', 'tests/int/**/*.int.test.ts'],
    // One production build and one server are shared by every file; see tests/helpers/global-setup.ts.
    globalSetup: ['tests/helpers/global-setup.ts'],
    setupFiles: ['tests/helpers/setup-env.ts'],
    // Two cores and one shared SQLite file: files run one after another.
    fileParallelism: false,
    testTimeout: e2e ? 60_000 : 30_000,
    hookTimeout: 120_000,
    reporters: ['default'],
  },
})
