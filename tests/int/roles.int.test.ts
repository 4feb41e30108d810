import { randomBytes } from 'node:crypto'
import type { CollectionSlug, DefaultDocumentIDType, Payload } from 'payload'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gqlId, graphql, type LiteralValue, literal } from '../helpers/graphql'
import { get } from '../helpers/http'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { authed, restLogin } from '../helpers/rest'
import { uploadMedia } from '../helpers/upload'
import { deleteUser, type TestUser } from '../helpers/users'
import { skipWithout } from '../helpers/database'

/**
 * The role matrix over HTTP, as any client of the API meets it: anonymous / editor / admin x every
 * collection and global x create, read, update, delete, through REST and GraphQL. Plus: no anonymous
 * channel shows a draft or a version.
 */

type Role = 'anonymous' | 'editor' | 'admin'
type Fields = Record<string, LiteralValue>
type LoggedIn = TestUser & { token: string }

let payload: Payload
let editor: LoggedIn
let admin: LoggedIn
const tokens: Record<Role, string | undefined> = { anonymous: undefined, editor: undefined, admin: undefined }
const cleanup: { collection: CollectionSlug; id: DefaultDocumentIDType }[] = []

const unique = () => randomBytes(4).toString('hex')

/** Content collections: editors and admins do everything, anonymous readers only read. */
const CONTENT: {
  slug: CollectionSlug
  singular: string
  plural: string
  create: () => Fields
  update: Fields
  /** Extra input GraphQL requires (a required select with a default is a non-null input there). */
  graphQLCreate?: Fields
}[] = [
  {
    slug: 'articles',
    singular: 'Article',
    plural: 'Articles',
    create: () => ({ title: `Rolletest ${unique()}` }),
    update: { lead: 'Ny manchet' },
  },
  {
    slug: 'pages',
    singular: 'Page',
    plural: 'Pages',
    create: () => ({ title: `Rolleside ${unique()}` }),
    update: { lead: 'Ny indledning' },
  },
  {
    slug: 'quotes',
    singular: 'Quote',
    plural: 'Quotes',
    create: () => ({ text: `Et citat ${unique()}` }),
    update: { attribution: 'Borgmester' },
  },
  {
    slug: 'interns',
    singular: 'Intern',
    plural: 'Interns',
    create: () => ({ name: `Praktikant ${unique()}` }),
    update: { role: 'Konsulent' },
  },
  {
    slug: 'contacts',
    singular: 'Contact',
    plural: 'Contacts',
    create: () => ({ name: `Kontakt ${unique()}` }),
    update: { title: 'Leder' },
  },
  {
    slug: 'topics',
    singular: 'Topic',
    plural: 'Topics',
    create: () => ({ name: `Emne ${unique()}` }),
    update: { description: 'Om emnet' },
  },
  {
    slug: 'redirects',
    singular: 'Redirect',
    plural: 'Redirects',
    create: () => ({ from: `/rolle-${unique()}`, to: '/historier' }),
    update: { to: '/emner' },
    graphQLCreate: { type: { enum: '_301' } },
  },
]

/** A document each role may try to change or delete (created past access control). */
const fixtures = new Map<CollectionSlug, DefaultDocumentIDType>()

async function fixture(slug: CollectionSlug, data: Fields): Promise<DefaultDocumentIDType> {
  const doc = await payload.create({
    collection: slug,
    data: data as never,
    overrideAccess: true,
    context: testContext,
  })
  cleanup.push({ collection: slug, id: doc.id })
  return doc.id
}

async function png(): Promise<Buffer> {
  return sharp({ create: { width: 40, height: 30, channels: 3, background: '#336699' } })
    .png()
    .toBuffer()
}

beforeAll(async () => {
  payload = await testPayload()
  admin = await restLogin(payload, 'admin')
  editor = await restLogin(payload, 'editor')
  tokens.editor = editor.token
  tokens.admin = admin.token
  for (const c of CONTENT) fixtures.set(c.slug, await fixture(c.slug, c.create()))
  const image = await png()
  const media = await payload.create({
    collection: 'media',
    data: { alt: 'Blå testflade til rolletesten' },
    file: { data: image, mimetype: 'image/png', name: 'rolle.png', size: image.length },
    overrideAccess: true,
    context: testContext,
  })
  fixtures.set('media', media.id)
  cleanup.push({ collection: 'media', id: media.id })
})

afterAll(async () => {
  for (const { collection, id } of cleanup.reverse()) {
    await removeDocument(payload, collection, id) // a test that was allowed to may have deleted it already
  }
  await deleteUser(payload, editor)
  await deleteUser(payload, admin)
})

function rest(role: Role, path: string, method = 'GET', body?: unknown): Promise<Response> {
  const init: RequestInit = { method, ...(body ? { body: JSON.stringify(body) } : {}) }
  const token = tokens[role]
  return get(path, token ? authed(token, init) : { ...init, headers: { 'content-type': 'application/json' } })
}

const forbidden = (result: { errors?: { message: string; extensions?: { statusCode?: number } }[] }) =>
  result.errors?.some((e) => e.extensions?.statusCode === 403) ?? false

describe.each(['anonymous', 'editor', 'admin'] as const)('as %s', (role) => {
  const mayWrite = role !== 'anonymous'

  describe.each(CONTENT)('$slug', ({ slug, singular, plural, create, update, graphQLCreate }) => {
    it(`REST: create ${mayWrite ? 'yes' : 'no'}, read yes, update and delete ${mayWrite ? 'yes' : 'no'}`, async (ctx) => {
      const created = await rest(role, `/api/${slug}`, 'POST', create())
      expect(created.status).toBe(mayWrite ? 201 : 403)
      const read = await rest(role, `/api/${slug}?limit=1`)
      expect(read.status).toBe(200)
      const target = mayWrite
        ? ((await created.json()) as { doc: { id: DefaultDocumentIDType } }).doc.id
        : (fixtures.get(slug) as DefaultDocumentIDType)
      if (mayWrite) cleanup.push({ collection: slug, id: target })
      expect((await rest(role, `/api/${slug}/${target}`, 'PATCH', update)).status).toBe(mayWrite ? 200 : 403)
      if (mayWrite) skipWithout(ctx, 'findAndModify remove')
      expect((await rest(role, `/api/${slug}/${target}`, 'DELETE')).status).toBe(mayWrite ? 200 : 403)
    })

    it(`GraphQL: the same`, async (ctx) => {
      const token = tokens[role]
      const created = await graphql<Record<string, { id: DefaultDocumentIDType }>>(
        `mutation { create${singular}(data: ${literal({ ...create(), ...graphQLCreate })}) { id } }`,
        token,
      )
      expect(forbidden(created), JSON.stringify(created)).toBe(!mayWrite)
      if (mayWrite) expect(created.errors, JSON.stringify(created)).toBeUndefined()
      const read = await graphql<Record<string, { docs: unknown[] }>>(
        `{ ${plural}(limit: 1) { docs { id } } }`,
        token,
      )
      expect(read.errors).toBeUndefined()
      expect(read.data?.[plural]?.docs).toEqual(expect.any(Array))
      const target = mayWrite
        ? (created.data?.[`create${singular}`]?.id as DefaultDocumentIDType)
        : (fixtures.get(slug) as DefaultDocumentIDType)
      if (mayWrite) cleanup.push({ collection: slug, id: target })
      const updated = await graphql(
        `mutation { update${singular}(id: ${gqlId(target)}, data: ${literal(update)}) { id } }`,
        token,
      )
      expect(forbidden(updated)).toBe(!mayWrite)
      if (mayWrite) expect(updated.errors).toBeUndefined()
      if (mayWrite) skipWithout(ctx, 'findAndModify remove')
      const deleted = await graphql(`mutation { delete${singular}(id: ${gqlId(target)}) { id } }`, token)
      expect(forbidden(deleted)).toBe(!mayWrite)
      if (mayWrite) expect(deleted.errors).toBeUndefined()
    })
  })

  describe('media', () => {
    it(`REST: upload ${mayWrite ? 'yes' : 'no'}, read yes, update and delete ${mayWrite ? 'yes' : 'no'}`, async (ctx) => {
      const upload = await uploadMedia({
        token: tokens[role],
        file: await png(),
        name: 'rollebillede.png',
        type: 'image/png',
        data: { alt: 'Blåt testbillede til rolletesten' },
      })
      expect(upload.status).toBe(mayWrite ? 201 : 403)
      expect((await rest(role, '/api/media?limit=1')).status).toBe(200)
      const target = mayWrite
        ? (upload.body.doc?.id as DefaultDocumentIDType)
        : (fixtures.get('media') as DefaultDocumentIDType)
      if (mayWrite) cleanup.push({ collection: 'media', id: target })
      expect((await rest(role, `/api/media/${target}`, 'PATCH', { caption: 'Ny billedtekst' })).status).toBe(
        mayWrite ? 200 : 403,
      )
      if (mayWrite) skipWithout(ctx, 'findAndModify remove')
      expect((await rest(role, `/api/media/${target}`, 'DELETE')).status).toBe(mayWrite ? 200 : 403)
    })

    it('GraphQL: read yes, update and delete as REST (an upload itself needs multipart REST)', async (ctx) => {
      const token = tokens[role]
      const read = await graphql(
        `
          {
            allMedia(limit: 1) {
              docs {
                id
                alt
              }
            }
          }
        `,
        token,
      )
      expect(read.errors).toBeUndefined()
      const image = await png()
      const own = await payload.create({
        collection: 'media',
        data: { alt: 'Et billede til GraphQL-testen' },
        file: { data: image, mimetype: 'image/png', name: 'graphql.png', size: image.length },
        overrideAccess: true,
        context: testContext,
      })
      cleanup.push({ collection: 'media', id: own.id })
      const updated = await graphql(
        `mutation { updateMedia(id: ${gqlId(own.id)}, data: { caption: "GraphQL" }) { id } }`,
        token,
      )
      expect(forbidden(updated)).toBe(!mayWrite)
      if (mayWrite) expect(updated.errors).toBeUndefined()
      if (mayWrite) skipWithout(ctx, 'findAndModify remove')
      const deleted = await graphql(`mutation { deleteMedia(id: ${gqlId(own.id)}) { id } }`, token)
      expect(forbidden(deleted)).toBe(!mayWrite)
      if (mayWrite) expect(deleted.errors).toBeUndefined()
    })
  })

  describe.each(['site', 'footer', 'navigation'] as const)('the %s global', (slug) => {
    const mayChange = role === 'admin'
    const name = slug[0]?.toUpperCase() + slug.slice(1)

    it(`REST and GraphQL: read yes, change ${mayChange ? 'yes' : 'no'}`, async () => {
      expect((await rest(role, `/api/globals/${slug}`)).status).toBe(200)
      expect((await graphql(`{ ${name} { updatedAt } }`, tokens[role])).errors).toBeUndefined()
      // An empty update changes no content but still asks for permission.
      expect((await rest(role, `/api/globals/${slug}`, 'POST', {})).status).toBe(mayChange ? 200 : 403)
      // The site's name is required, so GraphQL wants it even in an update; it is given unchanged.
      const { name: siteName } = await payload.findGlobal({ slug: 'site', depth: 0 })
      const data = slug === 'site' ? literal({ name: siteName }) : '{}'
      const viaGraphQL = await graphql(
        `mutation { update${name}(data: ${data}) { updatedAt } }`,
        tokens[role],
      )
      expect(forbidden(viaGraphQL)).toBe(!mayChange)
      if (mayChange) expect(viaGraphQL.errors).toBeUndefined()
    })
  })

  it('the audit log: read by admins only; nobody writes to it through the API', async () => {
    const entry = await payload.find({ collection: 'audit-log', limit: 1, overrideAccess: true })
    const id = entry.docs[0]?.id
    if (id === undefined) throw new Error('the audit log is empty')
    expect((await rest(role, '/api/audit-log')).status).toBe(role === 'admin' ? 200 : 403)
    const fake = { action: 'deleted', targetSlug: 'articles', documentTitle: 'Forfalsket' }
    expect((await rest(role, '/api/audit-log', 'POST', fake)).status).toBe(403)
    expect((await rest(role, `/api/audit-log/${id}`, 'PATCH', { userName: 'Nogen anden' })).status).toBe(403)
    expect((await rest(role, `/api/audit-log/${id}`, 'DELETE')).status).toBe(403)
    const read = await graphql(
      `
        {
          AuditEntries(limit: 1) {
            docs {
              id
            }
          }
        }
      `,
      tokens[role],
    )
    expect(forbidden(read)).toBe(role !== 'admin')
    expect(
      forbidden(await graphql(`mutation { deleteAuditEntry(id: ${gqlId(id)}) { id } }`, tokens[role])),
    ).toBe(true)
    expect(
      forbidden(
        await graphql(
          `mutation { updateAuditEntry(id: ${gqlId(id)}, data: { userName: "X" }) { id } }`,
          tokens[role],
        ),
      ),
    ).toBe(true)
    const after = await payload.findByID({ collection: 'audit-log', id, overrideAccess: true })
    expect(after).toEqual(entry.docs[0])
  })

  it('the job queue: read by admins only', async () => {
    expect((await rest(role, '/api/payload-jobs')).status).toBe(role === 'admin' ? 200 : 403)
    expect(
      forbidden(
        await graphql(
          `
            {
              PayloadJobs(limit: 1) {
                docs {
                  id
                }
              }
            }
          `,
          tokens[role],
        ),
      ),
    ).toBe(role !== 'admin')
    // Running the queue by hand is for administrators too (anyone logged in, by Payload's default).
    expect((await rest(role, '/api/payload-jobs/run')).status).toBe(role === 'admin' ? 200 : 401)
  })
})

describe('users', () => {
  let other: DefaultDocumentIDType

  beforeAll(async () => {
    other = await fixture('users', {
      email: `kollega-${unique()}@test.faxe.invalid`,
      password: 'et-langt-kodeord-123',
      name: 'Kollega',
      role: 'editor',
    })
  })

  it('an anonymous client can do nothing with them, through REST or GraphQL', async () => {
    const newUser = {
      email: `anonym-${unique()}@test.faxe.invalid`,
      password: 'et-langt-kodeord-123',
      name: 'A',
      role: 'admin',
    }
    expect((await rest('anonymous', '/api/users', 'POST', newUser)).status).toBe(403)
    expect((await rest('anonymous', '/api/users')).status).toBe(403)
    expect((await rest('anonymous', `/api/users/${other}`, 'PATCH', { name: 'X' })).status).toBe(403)
    expect((await rest('anonymous', `/api/users/${other}`, 'DELETE')).status).toBe(403)
    expect(
      forbidden(
        await graphql(`
          {
            Users {
              docs {
                id
                email
              }
            }
          }
        `),
      ),
    ).toBe(true)
    expect(
      forbidden(await graphql(`mutation { updateUser(id: ${gqlId(other)}, data: { name: "X" }) { id } }`)),
    ).toBe(true)
    expect(forbidden(await graphql(`mutation { deleteUser(id: ${gqlId(other)}) { id } }`))).toBe(true)
  })

  it('an editor sees and changes only their own account, and cannot raise their own role', async () => {
    const list = (await (await rest('editor', '/api/users?limit=100')).json()) as {
      docs: { id: DefaultDocumentIDType }[]
    }
    expect(list.docs.map((u) => u.id)).toEqual([editor.id])
    const newUser = {
      email: `ny-${unique()}@test.faxe.invalid`,
      password: 'et-langt-kodeord-123',
      name: 'N',
      role: 'editor',
    }
    expect((await rest('editor', '/api/users', 'POST', newUser)).status).toBe(403)
    expect((await rest('editor', `/api/users/${other}`, 'PATCH', { name: 'X' })).status).toBe(403)
    expect((await rest('editor', `/api/users/${other}`, 'DELETE')).status).toBe(403)
    expect((await rest('editor', `/api/users/${editor.id}`, 'DELETE')).status).toBe(403)

    const viaRest = await rest('editor', `/api/users/${editor.id}`, 'PATCH', {
      role: 'admin',
      name: 'Omdøbt via REST',
    })
    expect(viaRest.status).toBe(200)
    const viaGraphQL = await graphql<{ updateUser: { name: string; role: string } }>(
      `mutation { updateUser(id: ${gqlId(editor.id)}, data: { role: admin, name: "Omdøbt via GraphQL" }) { name role } }`,
      editor.token,
    )
    expect(viaGraphQL.data?.updateUser).toEqual({ name: 'Omdøbt via GraphQL', role: 'editor' })
    const stored = await payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })
    expect(stored.role).toBe('editor')
  })

  it('an admin manages every account and its role', async (ctx) => {
    const created = await rest('admin', '/api/users', 'POST', {
      email: `ny-${unique()}@test.faxe.invalid`,
      password: 'et-langt-kodeord-123',
      name: 'Ny kollega',
      role: 'editor',
    })
    expect(created.status).toBe(201)
    const { doc } = (await created.json()) as { doc: { id: DefaultDocumentIDType } }
    const promoted = await rest('admin', `/api/users/${doc.id}`, 'PATCH', { role: 'admin' })
    expect(((await promoted.json()) as { doc: { role: string } }).doc.role).toBe('admin')
    const all = (await (await rest('admin', '/api/users?limit=100')).json()) as {
      docs: { id: DefaultDocumentIDType }[]
    }
    expect(all.docs.map((u) => u.id)).toEqual(expect.arrayContaining([editor.id, admin.id, other, doc.id]))
    ctx.onTestFinished(() => removeDocument(payload, 'users', doc.id))
    skipWithout(ctx, 'findAndModify remove')
    expect((await rest('admin', `/api/users/${doc.id}`, 'DELETE')).status).toBe(200)
    const viaGraphQL = await graphql<{ updateUser: { role: string } }>(
      `mutation { updateUser(id: ${gqlId(other)}, data: { role: admin }) { role } }`,
      admin.token,
    )
    expect(viaGraphQL.data?.updateUser.role).toBe('admin')
  })
})

describe('drafts and versions, for an anonymous reader', () => {
  let draftArticle: DefaultDocumentIDType
  let draftPage: DefaultDocumentIDType

  beforeAll(async () => {
    for (const [collection, title] of [
      ['articles', 'Hemmelig kladde om roller'],
      ['pages', 'Hemmelig side om roller'],
    ] as const) {
      const doc = await payload.create({
        collection,
        data: { title, _status: 'draft' },
        draft: true,
        overrideAccess: true,
        context: testContext,
      })
      cleanup.push({ collection, id: doc.id })
      if (collection === 'articles') draftArticle = doc.id
      else draftPage = doc.id
    }
  })

  it.each([
    ['articles', 'Article', 'Articles'],
    ['pages', 'Page', 'Pages'],
  ] as const)('%s: no draft through REST, GraphQL or the versions API', async (slug, singular, plural) => {
    const id = slug === 'articles' ? draftArticle : draftPage
    const title = slug === 'articles' ? 'Hemmelig kladde om roller' : 'Hemmelig side om roller'
    // REST, by id and in lists, with and without asking for drafts
    expect((await get(`/api/${slug}/${id}`)).status).toBe(404)
    expect((await get(`/api/${slug}/${id}?draft=true`)).status).toBe(404)
    const list = await (await get(`/api/${slug}?draft=true&limit=100&where[_status][equals]=draft`)).text()
    expect(list).not.toContain(title)
    // versions, the list and one version by its id
    const { docs } = await payload.findVersions({
      collection: slug,
      where: { parent: { equals: id } },
      overrideAccess: true,
    })
    const versionId = docs[0]?.id
    if (versionId === undefined) throw new Error(`the ${slug} draft has no version`)
    expect((await get(`/api/${slug}/versions`)).status).toBe(403)
    expect((await get(`/api/${slug}/versions/${versionId}`)).status).toBe(403)
    // GraphQL
    const one = await graphql<Record<string, unknown>>(
      `{ ${singular}(id: ${gqlId(id)}, draft: true) { id title } }`,
    )
    expect(one.data?.[singular] ?? null).toBeNull()
    const many = await graphql(`{ ${plural}(draft: true, limit: 100) { docs { title } } }`)
    expect(JSON.stringify(many)).not.toContain(title)
    expect(forbidden(await graphql(`{ versions${plural}(limit: 10) { docs { id } } }`))).toBe(true)
    expect(forbidden(await graphql(`{ version${singular}(id: ${gqlId(versionId)}) { id } }`))).toBe(true)
  })
})
