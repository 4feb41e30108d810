import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'loggedIn';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'loginFailed';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'lockedOut';
  ALTER TYPE "public"."enum_audit_log_action" ADD VALUE 'unlocked';
  ALTER TABLE "audit_log" ADD COLUMN "client_address" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE text;
  DROP TYPE "public"."enum_audit_log_action";
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('created', 'updated', 'published', 'unpublished', 'deleted');
  ALTER TABLE "audit_log" ALTER COLUMN "action" SET DATA TYPE "public"."enum_audit_log_action" USING "action"::"public"."enum_audit_log_action";
  ALTER TABLE "audit_log" DROP COLUMN "client_address";`)
}
