import { serializeJsonLd } from '@/lib/seo/json-ld'

/** Structured data for search engines, escaped so nothing an editor typed can close the script element. */
export function JsonLd({ data }: { data: unknown }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
}
