import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'
import { reindexAll } from '@/lib/search-index'

/**
 * The full-text index (lib/search-index.ts) replaces the stories' `search_index` column: a table of one
 * row per public document and an FTS5 table over its indexed columns (external content, kept in step by
 * triggers), with prefix indexes of 2-4 characters for the word being typed. Built from the documents at
 * the end, so an existing database is searchable at once.
 */
export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`search_index\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_search_index\`;`)
  await db.run(sql`CREATE TABLE \`search_documents\` (
    \`id\` integer PRIMARY KEY NOT NULL,
    \`kind\` text NOT NULL,
    \`doc_id\` text NOT NULL,
    \`path\` text NOT NULL,
    \`date\` text,
    \`title\` text NOT NULL,
    \`lead\` text NOT NULL,
    \`body\` text NOT NULL,
    \`title_index\` text NOT NULL,
    \`lead_index\` text NOT NULL,
    \`body_index\` text NOT NULL
  );`)
  await db.run(sql`CREATE UNIQUE INDEX \`search_documents_kind_doc_idx\` ON \`search_documents\` (\`kind\`, \`doc_id\`);`)
  await db.run(sql`CREATE VIRTUAL TABLE \`search_fts\` USING fts5(
    title_index, lead_index, body_index,
    content='search_documents', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3 4'
  );`)
  await db.run(sql`CREATE TRIGGER \`search_documents_ai\` AFTER INSERT ON \`search_documents\` BEGIN
    INSERT INTO search_fts(rowid, title_index, lead_index, body_index)
      VALUES (new.id, new.title_index, new.lead_index, new.body_index);
  END;`)
  await db.run(sql`CREATE TRIGGER \`search_documents_ad\` AFTER DELETE ON \`search_documents\` BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_index, lead_index, body_index)
      VALUES ('delete', old.id, old.title_index, old.lead_index, old.body_index);
  END;`)
  await db.run(sql`CREATE TRIGGER \`search_documents_au\` AFTER UPDATE ON \`search_documents\` BEGIN
    INSERT INTO search_fts(search_fts, rowid, title_index, lead_index, body_index)
      VALUES ('delete', old.id, old.title_index, old.lead_index, old.body_index);
    INSERT INTO search_fts(rowid, title_index, lead_index, body_index)
      VALUES (new.id, new.title_index, new.lead_index, new.body_index);
  END;`)
  await reindexAll(payload, (line) => payload.logger.info(`search index: ${line}`), req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  void payload
  void req
  await db.run(sql`DROP TRIGGER IF EXISTS \`search_documents_au\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`search_documents_ad\`;`)
  await db.run(sql`DROP TRIGGER IF EXISTS \`search_documents_ai\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`search_fts\`;`)
  await db.run(sql`DROP TABLE IF EXISTS \`search_documents\`;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`search_index\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_search_index\` text;`)
}
