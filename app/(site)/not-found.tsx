import type { Metadata } from 'next'
import { NotFoundContent } from '@/components/NotFoundContent'

export const metadata: Metadata = { title: 'Siden findes ikke', robots: { index: false } }

export default function NotFound() {
  return <NotFoundContent />
}
