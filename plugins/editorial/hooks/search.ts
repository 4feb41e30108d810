import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'
import { indexDocument, removeEntry, type SearchKind } from '@/lib/search-index'

/** afterChange / afterDelete hooks that keep a collection's rows of the index current. */
export function searchIndexHooks(kind: SearchKind): {
  afterChange: CollectionAfterChangeHook[]
  afterDelete: CollectionAfterDeleteHook[]
} {
  const indexChange: CollectionAfterChangeHook = async ({ doc, req }) => {
    await indexDocument(req.payload, kind, doc.id, req)
    return doc
  }
  const unindexDelete: CollectionAfterDeleteHook = async ({ id, req }) => {
    await removeEntry(req.payload, kind, String(id), req)
  }
  return { afterChange: [indexChange], afterDelete: [unindexDelete] }
}
