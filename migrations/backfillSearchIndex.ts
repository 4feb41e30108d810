import type { Payload, PayloadRequest } from 'payload'

/**
 * Once filled the `searchIndex` column of stories saved before it existed. That column was replaced by the
 * full-text index (`search_documents`, migration `*_search_fts`, which drops the column and builds the index
 * from the documents), so there is nothing left to fill; the function stays for the migrations that call it.
 */
export async function backfillSearchIndex(payload: Payload, req: PayloadRequest): Promise<void> {
  void payload
  void req
}
