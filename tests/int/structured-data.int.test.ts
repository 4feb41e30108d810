import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { baseUrl, get } from '../helpers/http'

/**
 * Every JSON-LD block the pages print, checked against the schema.org shapes it claims. The builders are
 * typed with schema-dts (lib/seo/structured-data.ts), which catches a wrong property at compile time; this
 * checks what actually reaches the page: absolute same-site addresses, consecutive breadcrumb positions, a
 * search target with its placeholder, and no property a type does not have.
 */

const STORY_PATH = '/historier/innovationspraktikanter-kiggede-faxe-kommune-i-kortene'

const isoDate = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), 'ISO 8601')
const context = z.literal('https://schema.org')
const url = () => z.url().refine((u) => u.startsWith(baseUrl()), 'an address on this site')

const postalAddress = z.strictObject({
  '@type': z.literal('PostalAddress'),
  streetAddress: z.string().min(1).optional(),
  postalCode: z
    .string()
    .regex(/^\d{4}$/)
    .optional(),
  addressLocality: z.string().min(1).optional(),
  addressCountry: z.literal('DK'),
})

const organisationRef = z.strictObject({
  '@type': z.enum(['Organization', 'GovernmentOrganization']),
  '@id': z.string().optional(),
  name: z.string().min(1),
})

const person = z.strictObject({
  '@type': z.literal('Person'),
  name: z.string().min(1),
  jobTitle: z.string().min(1).optional(),
  worksFor: organisationRef.optional(),
  url: url().optional(),
})

const schemas = {
  GovernmentOrganization: z.strictObject({
    '@context': context,
    '@type': z.literal('GovernmentOrganization'),
    '@id': url(),
    name: z.literal('Faxe Kommune'),
    address: postalAddress.optional(),
  }),
  WebSite: z.strictObject({
    '@context': context,
    '@type': z.literal('WebSite'),
    '@id': url(),
    name: z.string().min(1),
    url: url(),
    inLanguage: z.literal('da-DK'),
    description: z.string().optional(),
    publisher: z.strictObject({ '@id': url() }),
    potentialAction: z.strictObject({
      '@type': z.literal('SearchAction'),
      target: z.strictObject({
        '@type': z.literal('EntryPoint'),
        urlTemplate: z.string().refine((t) => t === `${baseUrl()}/soeg?q={search_term_string}`),
      }),
      'query-input': z.literal('required name=search_term_string'),
    }),
  }),
  BreadcrumbList: z
    .strictObject({
      '@context': context,
      '@type': z.literal('BreadcrumbList'),
      itemListElement: z
        .array(
          z.strictObject({
            '@type': z.literal('ListItem'),
            position: z.number().int().positive(),
            name: z.string().min(1),
            item: url(),
          }),
        )
        .min(2),
    })
    .refine((list) => list.itemListElement.every((item, i) => item.position === i + 1), 'positions 1, 2, 3 …')
    .refine((list) => list.itemListElement[0]?.item === `${baseUrl()}/`, 'starts at the front page'),
  NewsArticle: z.strictObject({
    '@context': context,
    '@type': z.literal('NewsArticle'),
    headline: z.string().min(1).max(110),
    description: z.string().optional(),
    inLanguage: z.literal('da-DK'),
    url: url(),
    mainEntityOfPage: z.strictObject({ '@type': z.literal('WebPage'), '@id': url() }),
    datePublished: isoDate,
    dateModified: isoDate,
    image: z.array(url()).optional(),
    author: organisationRef,
    publisher: organisationRef,
    mentions: z.array(person).optional(),
    keywords: z.string().optional(),
  }),
  Person: person.extend({ '@context': context }),
} as const

type Block = { '@type': string } & Record<string, unknown>

async function jsonLdOf(path: string): Promise<Block[]> {
  const response = await get(path)
  expect(response.status, path).toBe(200)
  const html = await response.text()
  const blocks = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)]
  return blocks.map((m) => JSON.parse(m[1] ?? '') as Block)
}

function check(block: Block, path: string) {
  const schema = schemas[block['@type'] as keyof typeof schemas]
  expect(schema, `${path}: unexpected @type ${block['@type']}`).toBeDefined()
  const result = schema.safeParse(block)
  expect(result.success ? [] : result.error.issues, `${path}: ${block['@type']}`).toEqual([])
}

const PAGES: { path: string; types: string[] }[] = [
  { path: '/', types: ['GovernmentOrganization', 'WebSite'] },
  { path: STORY_PATH, types: ['NewsArticle', 'BreadcrumbList'] },
  { path: '/emner', types: ['BreadcrumbList'] },
  { path: '/emner/innovationspraktik', types: ['BreadcrumbList'] },
  { path: '/praktikanter/charlotte-aakerstroem', types: ['BreadcrumbList', 'Person'] },
  { path: '/privatlivspolitik', types: ['BreadcrumbList'] },
]

describe('structured data', () => {
  it.each(PAGES)('$path prints valid schema.org blocks: $types', async ({ path, types }) => {
    const blocks = await jsonLdOf(path)
    expect(blocks.map((b) => b['@type']).sort()).toEqual([...types].sort())
    for (const block of blocks) check(block, path)
  })

  it('gives Faxe Kommune the address from the footer settings', async () => {
    const organisation = (await jsonLdOf('/')).find((b) => b['@type'] === 'GovernmentOrganization')
    expect(organisation?.address).toEqual({
      '@type': 'PostalAddress',
      streetAddress: 'Frederiksgade 9',
      postalCode: '4690',
      addressLocality: 'Haslev',
      addressCountry: 'DK',
    })
  })

  it('names the story’s people as Persons, with their pages', async () => {
    const article = (await jsonLdOf(STORY_PATH)).find((b) => b['@type'] === 'NewsArticle')
    const mentions = article?.mentions as { name: string; url?: string; jobTitle?: string }[]
    expect(mentions.map((p) => p.name).sort()).toEqual(
      ['Charlotte Gisselmann Jessen', 'Charlotte Åkerstrøm', 'Thomas Børager', 'Victor Mørk Johansen'].sort(),
    )
    expect(mentions.find((p) => p.name === 'Victor Mørk Johansen')).toMatchObject({
      jobTitle: 'Forretningsudvikler',
      url: `${baseUrl()}/praktikanter/victor-moerk-johansen`,
    })
  })

  it('shows the same breadcrumb trail the structured data gives', async () => {
    const html = await (await get(STORY_PATH)).text()
    const nav = /<nav class="breadcrumbs[^"]*" aria-label="Brødkrummesti">([\s\S]*?)<\/nav>/.exec(html)?.[1]
    expect(nav).toContain('<a href="/">Forside</a>')
    expect(nav).toContain('<a href="/historier">Historier</a>')
    expect(nav).toContain(
      '<li aria-current="page">Innovationspraktikanter kiggede Faxe Kommune i kortene</li>',
    )
  })
})
