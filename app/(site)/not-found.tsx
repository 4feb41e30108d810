import type { Metadata } from 'next'
import { NotFoundContent } from '@/components/NotFoundContent'
import { notFoundMetadata } from '@/lib/seo/metadata'

export const metadata: Metadata = notFoundMetadata

export default function NotFound() {
  return <NotFoundContent />
}
