import { randomBytes } from 'node:crypto'
import { missingServices, removeKeys, TEST_REDIS_URL } from './topology'

/**
 * First step of `npm run test:topology`, before the build: the services the tests need must be there.
 * A missing one fails the run with what to start or install, rather than letting tests pass without it.
 *
 * It also gives the run's own server (tests/helpers/global-setup.ts, started next with this process's
 * environment) the machine's Redis under a key prefix of this run: that server runs the job scheduler like
 * any instance, and must take the same tick locks as the instances a test starts with this prefix
 * (tests/topology/instances.topology.test.ts). Its keys are removed when the run ends.
 */
export default async function checkServices(): Promise<() => Promise<void>> {
  const missing = await missingServices()
  if (missing) throw new Error(`npm run test:topology cannot run:\n${missing}`)
  process.env.REDIS_URL = TEST_REDIS_URL
  process.env.REDIS_KEY_PREFIX = `faxe-test-run-${randomBytes(4).toString('hex')}`
  const prefix = process.env.REDIS_KEY_PREFIX
  return () => removeKeys(TEST_REDIS_URL, prefix)
}
