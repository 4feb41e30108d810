import type { Metadata, Viewport } from 'next'
import type React from 'react'
import { SiteFooter } from '@/components/SiteFooter'
import { SiteHeader } from '@/components/SiteHeader'
import { getFooter, getNavigation, getSite } from '@/lib/data/globals'
import { env } from '@/lib/env'
import './site.css'

export async function generateMetadata(): Promise<Metadata> {
  const site = await getSite()
  return {
    metadataBase: new URL(env().siteUrl),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description ?? undefined,
  }
}

export const viewport: Viewport = { width: 'device-width', initialScale: 1, themeColor: '#0b4f6c' }

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const [site, navigation, footer] = await Promise.all([getSite(), getNavigation(), getFooter()])
  return (
    // The origin as a CSS string, for the print stylesheet's full link addresses (site.css, @media print).
    <html lang="da" style={{ '--site-origin': JSON.stringify(env().siteUrl) } as React.CSSProperties}>
      <body>
        <a className="skip-link" href="#indhold">
          Gå til indhold
        </a>
        <SiteHeader siteName={site.name} navigation={navigation} />
        <main id="indhold" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter footer={footer} />
      </body>
    </html>
  )
}
