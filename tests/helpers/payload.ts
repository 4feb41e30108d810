import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'

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

/**
 * Removes a test's own document, for clean-up. Through Payload's delete by `where` (one `deleteMany`),
 * which runs the same hooks as a delete by id and works on every database, including the MongoDB test
 * server, which cannot delete by id (see TEST_SERVER_GAPS in tests/helpers/database.ts). A document that
 * is already gone is fine.
 */
export async function removeDocument(
  payload: Payload,
  collection: CollectionSlug,
  id: DefaultDocumentIDType | undefined,
): Promise<void> {
  if (id === undefined) return
  const { errors } = await payload.delete({
    collection,
    where: { id: { equals: id } },
    overrideAccess: true,
    context: testContext,
  })
  if (errors.length > 0) {
    throw new Error(`Could not remove ${collection} ${id}: ${errors.map((e) => e.message).join('; ')}`)
  }
}
