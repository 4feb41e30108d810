import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { hasRole } from '@/access/roles'
import { payloadClient } from '@/lib/payload'
import { isPreviewSecret, previewPath } from '@/lib/preview'

/**
 * Turns on Next.js draft mode for an editor and opens the page. Both the secret and an editor's session
 * are required; the page itself checks the session again on every request (lib/data/preview.ts), so the
 * draft-mode cookie alone shows nothing.
 */

function refuse(status: number, message: string): Response {
  return new Response(message, {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'private, no-store' },
  })
}

export async function GET(request: Request): Promise<Response> {
  const url = new URL(request.url)
  const path = previewPath.safeParse(url.searchParams.get('path'))
  if (!path.success)
    return refuse(
      400,
      'Forhåndsvisningen mangler en gyldig side (path skal være en sti på sitet, fx /historier/min-historie).',
    )
  if (!isPreviewSecret(url.searchParams.get('secret'))) {
    return refuse(
      403,
      'Forhåndsvisningen kunne ikke åbnes: linket er ikke gyldigt. Åbn den fra redigeringen i administrationen.',
    )
  }
  const payload = await payloadClient()
  const { user } = await payload.auth({ headers: request.headers })
  if (!hasRole(user, 'editor')) {
    return refuse(
      403,
      'Forhåndsvisning kræver, at du er logget ind som redaktør. Log ind på /admin og prøv igen.',
    )
  }
  ;(await draftMode()).enable()
  redirect(path.data)
}
