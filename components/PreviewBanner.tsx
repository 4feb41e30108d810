import { LivePreviewRefresh } from '@/components/LivePreviewRefresh'
import { env } from '@/lib/env'
import { exitPreviewUrl } from '@/lib/preview'

/** Says plainly that this is a draft, and how to get out. */
export function PreviewBanner({ path }: { path: string }) {
  return (
    <div className="preview-banner" role="status">
      <p>
        <strong>Forhåndsvisning:</strong> du ser den seneste kladde. Læserne ser den udgivne version.{' '}
        <a href={exitPreviewUrl(path)}>Afslut forhåndsvisning</a>
      </p>
      <LivePreviewRefresh serverURL={env().siteUrl} />
    </div>
  )
}
