import type { Access, DefaultDocumentIDType, PayloadRequest, Where } from 'payload'
import { hasRole } from '@/access/roles'

/**
 * Consent covers a person's image as well as their name: an image used as the photo of an intern without
 * publication consent is hidden from everyone but editors, the document and every size's file alike
 * (Payload checks file downloads against this same rule, with the file's name, in checkFileAccess), and
 * it is public again as soon as the consent is recorded: nothing is copied or re-uploaded. An image shared
 * by a consenting and a non-consenting intern stays hidden; it may show the person who did not consent.
 *
 * The interns are asked at read time rather than kept in a flag on the image, so the rule cannot drift
 * from the consent records. One query per request (memoised on the request).
 */
const hiddenByRequest = new WeakMap<PayloadRequest, Promise<DefaultDocumentIDType[]>>()

function photosWithoutConsent(req: PayloadRequest): Promise<DefaultDocumentIDType[]> {
  let hidden = hiddenByRequest.get(req)
  if (!hidden) {
    hidden = req.payload
      .find({
        collection: 'interns',
        where: { and: [{ publicationConsent: { not_equals: true } }, { photo: { exists: true } }] },
        select: { photo: true },
        depth: 0,
        pagination: false,
        req,
        // The consent records are editors' fields: this internal look-up must see them, whoever reads.
        overrideAccess: true,
      })
      .then(({ docs }) =>
        docs
          .map((intern) => (typeof intern.photo === 'object' ? intern.photo?.id : intern.photo))
          .filter((id): id is DefaultDocumentIDType => id !== null && id !== undefined),
      )
    hiddenByRequest.set(req, hidden)
  }
  return hidden
}

export const consentedMediaOrEditor: Access = async ({ req }) => {
  if (hasRole(req.user, 'editor')) return true
  const hidden = await photosWithoutConsent(req)
  if (hidden.length === 0) return true
  const where: Where = { id: { not_in: hidden } }
  return where
}
