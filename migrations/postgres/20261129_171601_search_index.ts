import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'
import { backfillSearchIndex } from '../backfillSearchIndex'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "search_index" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_search_index" varchar;`)
  await backfillSearchIndex(payload, req)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "search_index";
  ALTER TABLE "_articles_v" DROP COLUMN "version_search_index";`)
}
