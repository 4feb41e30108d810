import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { da } from '@payloadcms/translations/languages/da'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { Articles } from '@/collections/Articles'
import { Contacts } from '@/collections/Contacts'
import { Interns } from '@/collections/Interns'
import { Media } from '@/collections/Media'
import { Pages } from '@/collections/Pages'
import { Quotes } from '@/collections/Quotes'
import { Topics } from '@/collections/Topics'
import { Users } from '@/collections/Users'
import { Footer } from '@/globals/Footer'
import { Navigation } from '@/globals/Navigation'
import { Site } from '@/globals/Site'
import { API_LIMITS } from '@/lib/api/limits'
import { databaseAdapter } from '@/lib/database'
import { env } from '@/lib/env'
import { bodyEditor } from '@/lib/richtext/editor'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const { database, payloadSecret, siteUrl } = env()

export default buildConfig({
  secret: payloadSecret,
  serverURL: siteUrl,
  // Cookie-authenticated requests are accepted only from the site's own origin.
  csrf: [siteUrl],
  db: databaseAdapter(database),
  editor: bodyEditor([]),
  sharp,
  admin: {
    user: Users.slug,
    meta: { titleSuffix: ' · Faxe i Fællesskab' },
    importMap: { baseDir: dirname },
    dateFormat: 'd. MMMM yyyy HH:mm',
    // Payload's default avatar is fetched from gravatar.com, which the CSP (rightly) blocks.
    avatar: 'default',
    // Live preview widths for stories and free pages: a phone, a tablet and a desktop screen.
    livePreview: {
      breakpoints: [
        { name: 'mobile', label: 'Mobil', width: 375, height: 667 },
        { name: 'tablet', label: 'Tablet', width: 768, height: 1024 },
        { name: 'desktop', label: 'Computer', width: 1440, height: 900 },
      ],
    },
  },
  i18n: {
    // Danish first; English stays selectable under the account settings.
    fallbackLanguage: 'da',
    supportedLanguages: { da, en },
  },
  collections: [Articles, Pages, Quotes, Interns, Contacts, Topics, Media, Users],
  globals: [Site, Footer, Navigation],
  // What one request may ask for; REST and GraphQL reads beyond these get a 400 (lib/api).
  defaultDepth: API_LIMITS.defaultDepth,
  maxDepth: API_LIMITS.maxDepth,
  graphQL: {
    maxComplexity: 1000,
    disablePlaygroundInProduction: true,
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
  },
  telemetry: false,
})
