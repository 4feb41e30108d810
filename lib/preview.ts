import { createHmac, timingSafeEqual } from 'node:crypto'
import type { CollectionAdminOptions } from 'payload'
import { z } from 'zod'
import { env } from '@/lib/env'

/**
 * Preview links: `/next/preview?path=<page>&secret=<secret>`. Opening one needs both the secret and an
 * editor's session (checked in app/next/preview/route.ts); either alone shows nothing.
 *
 * The secret is derived from PAYLOAD_SECRET, so there is nothing more to configure and it changes when
 * that secret is rotated.
 */

export const PREVIEW_ROUTE = '/next/preview'
export const EXIT_PREVIEW_ROUTE = '/next/exit-preview'

export function previewSecret(): string {
  return createHmac('sha256', env().payloadSecret).update('faxe:preview').digest('hex')
}

export function isPreviewSecret(candidate: string | null): boolean {
  if (!candidate) return false
  const expected = Buffer.from(previewSecret())
  const given = Buffer.from(candidate)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** A path on this site that a preview may open: no other host, no admin or API. */
export const previewPath = z
  .string()
  .max(300)
  .regex(/^\/(?!\/)[^\\\s]*$/, 'must be a path on this site')
  .refine((p) => !/^\/(admin|api)(\/|$)/.test(p), 'must be a public page')

/** The absolute preview link the admin opens for a page of the site. */
export function previewUrl(path: string): string {
  const params = new URLSearchParams({ path, secret: previewSecret() })
  return `${env().siteUrl}${PREVIEW_ROUTE}?${params}`
}

/**
 * "Forhåndsvis" and live preview for a collection whose documents live at `pathOf(slug)`: both open the
 * real page in draft mode, and neither is offered before the document has a slug.
 */
export function previewAdmin(
  pathOf: (slug: string) => string,
): Pick<CollectionAdminOptions, 'preview' | 'livePreview'> {
  const urlOf = (slug: unknown) => (typeof slug === 'string' && slug ? previewUrl(pathOf(slug)) : null)
  return {
    preview: (doc) => urlOf(doc?.slug),
    livePreview: { url: ({ data }) => urlOf(data?.slug) },
  }
}

export function exitPreviewUrl(path: string): string {
  return `${EXIT_PREVIEW_ROUTE}?${new URLSearchParams({ path })}`
}
