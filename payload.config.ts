import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { nodemailerAdapter } from '@payloadcms/email-nodemailer'
import { da } from '@payloadcms/translations/languages/da'
import { en } from '@payloadcms/translations/languages/en'
import { buildConfig } from 'payload'
import sharp from 'sharp'
import { isAdmin, isAdminRequest } from '@/access/isAdmin'
import { nobody } from '@/access/nobody'
import { Articles } from '@/collections/Articles'
import { AuditLog } from '@/collections/AuditLog'
import { Contacts } from '@/collections/Contacts'
import { Interns } from '@/collections/Interns'
import { Media } from '@/collections/Media'
import { MAX_UPLOAD_BYTES, TOO_LARGE_MESSAGE } from '@/collections/Media/hooks/sanitiseUpload'
import { Pages } from '@/collections/Pages'
import { Quotes } from '@/collections/Quotes'
import { Redirects } from '@/collections/Redirects'
import { Topics } from '@/collections/Topics'
import { Users } from '@/collections/Users'
import { sameAnswerForLockedAccounts } from '@/collections/Users/hooks/accountEvents'
import { Footer } from '@/globals/Footer'
import { Navigation } from '@/globals/Navigation'
import { Site } from '@/globals/Site'
import { graphqlBoundsRule } from '@/lib/api/graphql'
import { API_LIMITS } from '@/lib/api/limits'
import { databaseAdapter } from '@/lib/database'
import { env } from '@/lib/env'
import { idsOfAnyAdapter } from '@/lib/id-types'
import { hasJobsToken } from '@/lib/jobs-token'
import { mediaStorage } from '@/lib/media-storage'
import { noteApiError } from '@/lib/request-errors'
import { bodyEditor } from '@/lib/richtext/editor'
import { editorial } from '@/plugins/editorial'

const dirname = path.dirname(fileURLToPath(import.meta.url))
const { database, email, payloadSecret, s3, siteUrl } = env()

export default buildConfig({
  secret: payloadSecret,
  serverURL: siteUrl,
  // Cookie-authenticated requests are accepted only from the site's own origin.
  csrf: [siteUrl],
  db: databaseAdapter(database),
  // SMTP when SMTP_URL is set; otherwise Payload's console adapter logs each mail's recipient and subject
  // (never its link), and `npm run user:reset-password` sets a password from the command line.
  ...(email
    ? {
        email: nodemailerAdapter({
          defaultFromAddress: email.fromAddress,
          defaultFromName: email.fromName,
          transportOptions: email.smtp,
        }),
      }
    : {}),
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
  collections: [Articles, Pages, Quotes, Interns, Contacts, Topics, Media, Redirects, Users, AuditLog],
  globals: [Site, Footer, Navigation],
  // The editorial fields and hooks of the collections and globals that opt in (plugins/editorial), first so
  // that the storage plugin's own hooks and fields come after them. Uploaded media in MEDIA_DIR, or in an
  // S3-compatible bucket when S3_* is set (lib/media-storage.ts).
  plugins: [editorial(), mediaStorage(s3)],
  upload: {
    // Checked while the upload streams in: a bigger file is cut off and answered 413 with this message.
    limits: { fileSize: MAX_UPLOAD_BYTES },
    abortOnLimit: true,
    responseOnLimit: TOO_LARGE_MESSAGE,
  },
  jobs: {
    // Scheduled publishing ("Planlæg udgivelse") queues a `schedulePublish` job. Due jobs run through
    // Payload's jobs endpoint, inside a request, so their hooks revalidate after the commit like any save:
    // every server calls it every 10 seconds, and with several instances only the one holding that tick's
    // lock does (scripts/lib/job-scheduler.ts). Payload's own timer (`autoRun`) would run them outside any
    // request, where Next.js's caches cannot be refreshed.
    // Payload lets any logged-in user queue, run and cancel jobs through the API by default; here only
    // administrators, and the scheduler with its token may run them.
    access: {
      queue: isAdminRequest,
      run: ({ req }) => isAdminRequest({ req }) || hasJobsToken(req.headers),
      cancel: isAdminRequest,
    },
    // Payload's default hides the jobs from everyone; administrators may look at them (scheduled publishes
    // carry the scheduling user's id). Jobs are written by Payload itself, never through the API.
    jobsCollectionOverrides: ({ defaultJobsCollection }) => ({
      ...defaultJobsCollection,
      access: { create: nobody, read: isAdmin, update: nobody, delete: nobody },
    }),
  },
  // What one request may ask for; REST and GraphQL reads beyond these get a 400 (lib/api).
  defaultDepth: API_LIMITS.defaultDepth,
  maxDepth: API_LIMITS.maxDepth,
  graphQL: {
    maxComplexity: 1000,
    disablePlaygroundInProduction: true,
    // limit/page/pagination on the executed values, documents per request, aliases (lib/api/graphql.ts).
    validationRules: (args) => [graphqlBoundsRule(args)],
  },
  hooks: {
    // Payload calls this for REST and GraphQL errors; a collection's own afterError covers REST only.
    // noteApiError puts a server error into the request's log line (lib/request-errors.ts).
    afterError: [sameAnswerForLockedAccounts, noteApiError],
  },
  typescript: {
    outputFile: path.resolve(dirname, 'payload-types.ts'),
    // Ids are `number | string` whichever adapter generates the types (lib/id-types.ts).
    schema: [idsOfAnyAdapter],
  },
  telemetry: false,
})
