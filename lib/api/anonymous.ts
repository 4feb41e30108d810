import {
  type Access,
  createLocalReq,
  type FieldAccess,
  type FlattenedField,
  getPayload,
  type PayloadRequest,
  type SanitizedConfig,
} from 'payload'

/**
 * The access rules in access/ decide on `req.user` alone; this is the request of someone not logged in, so
 * the API layer can ask them what an anonymous reader may see (lib/api/openapi.ts, lib/api/read-guard.ts).
 */
const anonymousReq = { user: null, context: {}, headers: new Headers() } as unknown as PayloadRequest

/**
 * Whether a collection's or global's read access lets an anonymous request through at all. Asked with a
 * real request of nobody (Payload's `createLocalReq`), since a rule may look things up (media: which
 * photos lack consent).
 */
export async function anonymousMayReadDocuments(
  access: Access | undefined,
  config: SanitizedConfig,
): Promise<boolean> {
  if (!access) return false
  const req = await createLocalReq({ user: undefined }, await getPayload({ config }))
  req.user = null
  return (await access({ req } as Parameters<Access>[0])) !== false
}

/** Whether an anonymous reader gets the field back (hidden fields and field read access say no). */
export function anonymousMayReadField(field: FlattenedField): boolean | Promise<boolean> {
  if ('hidden' in field && field.hidden) return false
  const read = field.access?.read as FieldAccess | undefined
  if (!read) return true
  const result = read({ req: anonymousReq } as Parameters<FieldAccess>[0])
  return typeof result === 'boolean' ? result : Promise.resolve(result).then(Boolean)
}
