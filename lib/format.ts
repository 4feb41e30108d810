const longDate = new Intl.DateTimeFormat('da-DK', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/Copenhagen',
})

/** "3. februar 2025": the Danish long form, in Danish time whatever the server's zone. */
export function formatDanishDate(iso: string | null | undefined): string | null {
  if (!iso) return null
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return null
  return longDate.format(date)
}

/** A phone number as a tel: URI (digits and a leading +), or null. */
export function telHref(phone: string | null | undefined): string | null {
  if (!phone) return null
  const digits = phone.replace(/[^\d+]/g, '')
  return digits.length >= 6 ? `tel:${digits}` : null
}
