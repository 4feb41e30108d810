import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { reindexAll } from '@/lib/search-index'

/**
 * The full-text index (lib/search-index.ts) replaces the stories' `search_index` column: a table of one
 * row per public document whose `document` tsvector is generated from the folded text with the `danish`
 * configuration (title weight A, lead B, body C), under a GIN index. Built from the documents at the end,
 * in the migration's transaction, so an existing database is searchable at once.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "search_index";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_index";
  CREATE TABLE "search_documents" (
    "id" serial PRIMARY KEY NOT NULL,
    "kind" varchar NOT NULL,
    "doc_id" varchar NOT NULL,
    "path" varchar NOT NULL,
    "date" timestamp(3) with time zone,
    "title" text NOT NULL,
    "lead" text NOT NULL,
    "body" text NOT NULL,
    "title_index" text NOT NULL,
    "lead_index" text NOT NULL,
    "body_index" text NOT NULL,
    "document" tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('danish', "title_index"), 'A') ||
      setweight(to_tsvector('danish', "lead_index"), 'B') ||
      setweight(to_tsvector('danish', "body_index"), 'C')
    ) STORED
  );
  CREATE UNIQUE INDEX "search_documents_kind_doc_idx" ON "search_documents" ("kind", "doc_id");
  CREATE INDEX "search_documents_document_idx" ON "search_documents" USING GIN ("document");`)
  await reindexAll(payload, (line) => payload.logger.info(`search index: ${line}`), req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  void payload
  void req
  await db.execute(sql`
   DROP TABLE IF EXISTS "search_documents";
   ALTER TABLE "articles" ADD COLUMN "search_index" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_index" varchar;`)
}
