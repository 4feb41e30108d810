import type { SerializedEditorState } from '@payloadcms/richtext-lexical/lexical'
import { unstable_cache } from 'next/cache'
import { cache } from 'react'
import { TAGS } from '@/lib/cache-tags'
import { payloadClient } from '@/lib/payload'
import { isSafeHref } from '@/lib/richtext/safe-url'
import type { FooterView, LinkView, SiteView } from '@/lib/data/types'

const text = (value: string | null | undefined): string | null =>
  value && value.trim() !== '' ? value : null

export const getSite = cache((): Promise<SiteView> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const site = await payload.findGlobal({ slug: 'site', depth: 0, overrideAccess: false })
      return {
        name: text(site.name) ?? 'Faxe i Fællesskab',
        description: text(site.description),
        about: (site.about as SerializedEditorState | null | undefined) ?? null,
        vision: { statement: text(site.vision?.statement), motto: text(site.vision?.motto) },
        dna: {
          heading: text(site.dna?.heading),
          goalLabel: text(site.dna?.goalLabel),
          goal: text(site.dna?.goal),
        },
      }
    },
    ['global:site'],
    { tags: [TAGS.global('site')] },
  )(),
)

export const getFooter = cache((): Promise<FooterView> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const footer = await payload.findGlobal({ slug: 'footer', depth: 0, overrideAccess: false })
      return {
        operatorLine: text(footer.operatorLine),
        addressParts: (footer.addressLine ?? '')
          .split('|')
          .map((part) => part.trim())
          .filter(Boolean),
        editorLine: text(footer.editorLine),
        copyrightLine: text(footer.copyrightLine),
        accessibilityStatementUrl: isSafeHref(footer.accessibilityStatementUrl)
          ? footer.accessibilityStatementUrl
          : null,
        links: (footer.links ?? []).filter((link) => isSafeHref(link.href)),
      }
    },
    ['global:footer'],
    { tags: [TAGS.global('footer')] },
  )(),
)

export const getNavigation = cache((): Promise<LinkView[]> =>
  unstable_cache(
    async () => {
      const payload = await payloadClient()
      const navigation = await payload.findGlobal({ slug: 'navigation', depth: 0, overrideAccess: false })
      return (navigation.items ?? [])
        .filter((item) => isSafeHref(item.href))
        .map(({ label, href }) => ({ label, href }))
    },
    ['global:navigation'],
    { tags: [TAGS.global('navigation')] },
  )(),
)
