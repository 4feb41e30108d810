import type { Metadata } from 'next'
import { BareFrame } from '@/components/BareFrame'
import { NotFoundContent } from '@/components/NotFoundContent'
import './(site)/site.css'

// Answers addresses that match no route at all; it has no layout around it, so it brings its own frame.
export const metadata: Metadata = { title: 'Siden findes ikke · Faxe i Fællesskab', robots: { index: false } }

export default function GlobalNotFound() {
  return (
    <html lang="da">
      <body>
        <BareFrame>
          <NotFoundContent />
        </BareFrame>
      </body>
    </html>
  )
}
