/**
 * The only link targets an editor may put in rich text or a link field: web pages, e-mail and phone, or a
 * path on this site. Everything else (javascript:, data:, vbscript:, protocol-relative //host) is refused
 * when saved and dropped again when rendered.
 */
const SAFE_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:'])

export function isSafeHref(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const href = value.trim()
  if (href === '') return false
  if (href.startsWith('/')) return !href.startsWith('//') && !href.startsWith('/\\')
  if (href.startsWith('#')) return true
  try {
    return SAFE_PROTOCOLS.has(new URL(href).protocol)
  } catch {
    return false
  }
}

export const UNSAFE_HREF_MESSAGE =
  'Linket skal begynde med https://, http://, mailto:, tel: eller / (en side på dette site).'

/** For Payload `validate`: true, or the Danish message. Empty is allowed; `required` handles that. */
export function validateHref(value: unknown): true | string {
  if (value == null || value === '') return true
  return isSafeHref(value) ? true : UNSAFE_HREF_MESSAGE
}
