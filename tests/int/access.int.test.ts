import type { DefaultDocumentIDType } from 'payload'
import { Forbidden, NotFound, type Payload } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { removeDocument, testContext, testPayload } from '../helpers/payload'
import { createUser, deleteUser, type TestUser } from '../helpers/users'
import { skipWithout } from '../helpers/database'

/**
 * The access rules through the Local API, as pages and endpoints call it: `overrideAccess: false` and the
 * request's user (none for an anonymous reader).
 */

let payload: Payload
let editor: TestUser
let admin: TestUser
let draftId: DefaultDocumentIDType
let hiddenInternId: DefaultDocumentIDType

beforeAll(async () => {
  payload = await testPayload()
  // The admin first: the very first account of a database always becomes an admin.
  admin = await createUser(payload, 'admin')
  editor = await createUser(payload, 'editor')
  expect(editor.role).toBe('editor')
  const draft = await payload.create({
    collection: 'articles',
    data: { title: 'Hemmelig kladde om adgang', _status: 'draft' },
    draft: true,
    user: editor,
    overrideAccess: false,
    context: testContext,
  })
  draftId = draft.id
  const intern = await payload.create({
    collection: 'interns',
    data: { name: 'Uden Samtykke', organisation: 'Testorganisation', publicationConsent: false },
    user: editor,
    overrideAccess: false,
    context: testContext,
  })
  hiddenInternId = intern.id
})

afterAll(async () => {
  await removeDocument(payload, 'articles', draftId)
  await removeDocument(payload, 'interns', hiddenInternId)
  await deleteUser(payload, editor)
  await deleteUser(payload, admin)
})

describe('an anonymous reader', () => {
  it('sees published stories only', async () => {
    const { docs } = await payload.find({
      collection: 'articles',
      overrideAccess: false,
      draft: true,
      limit: 100,
    })
    expect(docs.length).toBeGreaterThan(0)
    expect(docs.every((d) => d._status === 'published')).toBe(true)
    expect(docs.some((d) => d.id === draftId)).toBe(false)
  })

  it('gets "not found" for a draft by id, even when asking for drafts', async () => {
    await expect(
      payload.findByID({ collection: 'articles', id: draftId, overrideAccess: false }),
    ).rejects.toBeInstanceOf(NotFound)
    await expect(
      payload.findByID({ collection: 'articles', id: draftId, overrideAccess: false, draft: true }),
    ).rejects.toBeInstanceOf(NotFound)
  })

  it('cannot read the versions of a story', async () => {
    await expect(
      payload.findVersions({ collection: 'articles', overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
  })

  it('cannot read users', async () => {
    await expect(payload.find({ collection: 'users', overrideAccess: false })).rejects.toBeInstanceOf(
      Forbidden,
    )
  })

  it('sees consenting interns only, and never the consent fields', async () => {
    const { docs } = await payload.find({ collection: 'interns', overrideAccess: false, limit: 100 })
    expect(docs.map((d) => d.name)).toEqual(
      expect.arrayContaining(['Charlotte Gisselmann Jessen', 'Charlotte Åkerstrøm', 'Victor Mørk Johansen']),
    )
    expect(docs.some((d) => d.id === hiddenInternId)).toBe(false)
    for (const doc of docs) {
      expect(doc).not.toHaveProperty('publicationConsent')
      expect(doc).not.toHaveProperty('consentNote')
      expect(doc).not.toHaveProperty('consentRecordedAt')
    }
    await expect(
      payload.findByID({ collection: 'interns', id: hiddenInternId, overrideAccess: false }),
    ).rejects.toBeInstanceOf(NotFound)
  })

  it('reads quotes, contacts, topics, media and the globals', async () => {
    for (const collection of ['quotes', 'contacts', 'topics', 'media'] as const) {
      await expect(payload.find({ collection, overrideAccess: false })).resolves.toHaveProperty('docs')
    }
    for (const slug of ['site', 'footer', 'navigation'] as const) {
      await expect(payload.findGlobal({ slug, overrideAccess: false })).resolves.toHaveProperty('id')
    }
  })

  it('cannot create, change or delete anything', async () => {
    await expect(
      payload.create({ collection: 'articles', data: { title: 'Anonym' }, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(
      payload.create({ collection: 'topics', data: { name: 'Anonymt emne' }, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(
      payload.update({
        collection: 'interns',
        id: hiddenInternId,
        data: { name: 'X' },
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(
      payload.delete({ collection: 'articles', id: draftId, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
    await expect(
      payload.updateGlobal({ slug: 'site', data: { name: 'Overtaget' }, overrideAccess: false }),
    ).rejects.toBeInstanceOf(Forbidden)
  })
})

describe('an editor', () => {
  it('creates, reads, updates and deletes content', async (ctx) => {
    const topic = await payload.create({
      collection: 'topics',
      data: { name: 'Grøn omstilling' },
      user: editor,
      overrideAccess: false,
      context: testContext,
    })
    expect(topic.slug).toBe('groen-omstilling')
    const updated = await payload.update({
      collection: 'topics',
      id: topic.id,
      data: { description: 'Ny beskrivelse' },
      user: editor,
      overrideAccess: false,
      context: testContext,
    })
    expect(updated.description).toBe('Ny beskrivelse')
    ctx.onTestFinished(() => removeDocument(payload, 'topics', topic.id))
    skipWithout(ctx, 'findAndModify remove')
    await payload.delete({
      collection: 'topics',
      id: topic.id,
      user: editor,
      overrideAccess: false,
      context: testContext,
    })
    await expect(
      payload.findByID({ collection: 'topics', id: topic.id, overrideAccess: true }),
    ).rejects.toBeInstanceOf(NotFound)
  })

  it('reads drafts and the consent record', async () => {
    const draft = await payload.findByID({
      collection: 'articles',
      id: draftId,
      user: editor,
      overrideAccess: false,
      draft: true,
    })
    expect(draft.title).toBe('Hemmelig kladde om adgang')
    const intern = await payload.findByID({
      collection: 'interns',
      id: hiddenInternId,
      user: editor,
      overrideAccess: false,
    })
    expect(intern.publicationConsent).toBe(false)
  })

  it('cannot manage users', async () => {
    await expect(
      payload.create({
        collection: 'users',
        data: { email: 'ny@test.faxe.invalid', password: 'et-langt-kodeord-123', name: 'Ny', role: 'admin' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
    const { docs } = await payload.find({ collection: 'users', user: editor, overrideAccess: false })
    expect(docs.map((u) => u.id)).toEqual([editor.id])
  })

  it('cannot raise their own role', async () => {
    const result = await payload.update({
      collection: 'users',
      id: editor.id,
      data: { role: 'admin', name: 'Test Redaktør (omdøbt)' },
      user: editor,
      overrideAccess: false,
    })
    // The rest of the update goes through; the role is simply not theirs to set.
    expect(result.name).toBe('Test Redaktør (omdøbt)')
    expect(result.role).toBe('editor')
    const stored = await payload.findByID({ collection: 'users', id: editor.id, overrideAccess: true })
    expect(stored.role).toBe('editor')
  })

  it('cannot change the site settings', async () => {
    await expect(
      payload.updateGlobal({
        slug: 'footer',
        data: { editorLine: 'Ændret' },
        user: editor,
        overrideAccess: false,
      }),
    ).rejects.toBeInstanceOf(Forbidden)
  })
})

describe('an admin', () => {
  it('manages users and their roles', async (ctx) => {
    const created = await payload.create({
      collection: 'users',
      data: {
        email: 'kollega@test.faxe.invalid',
        password: 'et-langt-kodeord-123',
        name: 'Kollega',
        role: 'editor',
      },
      user: admin,
      overrideAccess: false,
    })
    const promoted = await payload.update({
      collection: 'users',
      id: created.id,
      data: { role: 'admin' },
      user: admin,
      overrideAccess: false,
    })
    expect(promoted.role).toBe('admin')
    ctx.onTestFinished(() => removeDocument(payload, 'users', created.id))
    skipWithout(ctx, 'findAndModify remove')
    await payload.delete({ collection: 'users', id: created.id, user: admin, overrideAccess: false })
  })

  it('changes the site settings', async () => {
    const before = await payload.findGlobal({ slug: 'footer', overrideAccess: true })
    const updated = await payload.updateGlobal({
      slug: 'footer',
      data: { editorLine: 'Midlertidig redaktørlinje' },
      user: admin,
      overrideAccess: false,
      context: testContext,
    })
    expect(updated.editorLine).toBe('Midlertidig redaktørlinje')
    await payload.updateGlobal({
      slug: 'footer',
      data: { editorLine: before.editorLine },
      overrideAccess: true,
      context: testContext,
    })
  })
})
