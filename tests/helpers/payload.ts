import type { Payload } from 'payload'

let instance: Promise<Payload> | undefined

/** The Local API on the test database (the environment comes from setup-env.ts). */
export function testPayload(): Promise<Payload> {
  instance ??= (async () => {
    const [{ getPayload }, { default: config }] = [await import('payload'), await import('@payload-config')]
    return getPayload({ config })
  })()
  return instance
}

/** Runs the request context that a seed or a test needs: no Next.js cache exists in the test process. */
export const testContext = { disableRevalidate: true }
