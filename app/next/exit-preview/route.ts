import { draftMode } from 'next/headers'
import { redirect } from 'next/navigation'
import { previewPath } from '@/lib/preview'

/** Leaves preview: turns draft mode off and returns to the published page. */
export async function GET(request: Request): Promise<Response> {
  ;(await draftMode()).disable()
  const path = previewPath.safeParse(new URL(request.url).searchParams.get('path'))
  redirect(path.success ? path.data : '/')
}
