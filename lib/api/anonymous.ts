import {
  createLocalReq,
  getAccessResults,
  type Payload,
  type PayloadRequest,
  type SanitizedFieldsPermissions,
  type SanitizedPermissions,
} from 'payload'

type AnonymousAccess = { req: PayloadRequest; permissions: SanitizedPermissions }

let anonymous: Promise<AnonymousAccess> | undefined

/**
 * What a reader with no user may read, by Payload's own access evaluation (`getAccessResults`, what the
 * admin asks for its own UI), for the OpenAPI document and the read guard. The rules in access/ decide on
 * `req.user` alone, so the answer for nobody is the same all the life of the process.
 */
export function anonymousAccess(payload: Payload): Promise<AnonymousAccess> {
  anonymous ??= (async () => {
    const req = await createLocalReq({}, payload)
    req.user = null
    return { req, permissions: await getAccessResults({ req }) }
  })().catch((error: unknown) => {
    anonymous = undefined
    throw error
  })
  return anonymous
}

/** The permissions below the field `name`, or null when an anonymous reader does not get it back. */
export function readableField(
  fields: SanitizedFieldsPermissions | undefined,
  name: string,
): SanitizedFieldsPermissions | null {
  const field = fields === true ? true : fields?.[name]
  if (field === true) return true
  return field?.read ? (field.fields ?? true) : null
}
