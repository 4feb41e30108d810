import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_redirects_type" AS ENUM('301', '302');
  CREATE TYPE "public"."enum_audit_log_action" AS ENUM('created', 'updated', 'published', 'unpublished', 'deleted');
  CREATE TYPE "public"."enum_audit_log_from_status" AS ENUM('draft', 'published', 'changed');
  CREATE TYPE "public"."enum_audit_log_to_status" AS ENUM('draft', 'published', 'changed');
  CREATE TABLE "redirects" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL,
  	"type" "enum_redirects_type" DEFAULT '301' NOT NULL,
  	"automatic" boolean DEFAULT false,
  	"created_by_id" integer,
  	"updated_by_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "audit_log" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"action" "enum_audit_log_action" NOT NULL,
  	"target_label" varchar,
  	"target_slug" varchar NOT NULL,
  	"document_id" varchar,
  	"document_title" varchar,
  	"user_id" integer,
  	"user_name" varchar,
  	"from_status" "enum_audit_log_from_status",
  	"to_status" "enum_audit_log_to_status",
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "articles" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_created_by_id" integer;
  ALTER TABLE "_articles_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "pages" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "pages" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_pages_v" ADD COLUMN "version_created_by_id" integer;
  ALTER TABLE "_pages_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "quotes" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "quotes" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "interns" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "interns" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "contacts" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "contacts" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "topics" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "topics" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "media" ADD COLUMN "created_by_id" integer;
  ALTER TABLE "media" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "redirects_id" integer;
  ALTER TABLE "site" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_site_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "footer" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_footer_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "navigation" ADD COLUMN "updated_by_id" integer;
  ALTER TABLE "_navigation_v" ADD COLUMN "version_updated_by_id" integer;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "redirects" ADD CONSTRAINT "redirects_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE UNIQUE INDEX "redirects_from_idx" ON "redirects" USING btree ("from");
  CREATE INDEX "redirects_created_by_idx" ON "redirects" USING btree ("created_by_id");
  CREATE INDEX "redirects_updated_by_idx" ON "redirects" USING btree ("updated_by_id");
  CREATE INDEX "redirects_updated_at_idx" ON "redirects" USING btree ("updated_at");
  CREATE INDEX "redirects_created_at_idx" ON "redirects" USING btree ("created_at");
  CREATE INDEX "audit_log_action_idx" ON "audit_log" USING btree ("action");
  CREATE INDEX "audit_log_target_slug_idx" ON "audit_log" USING btree ("target_slug");
  CREATE INDEX "audit_log_document_id_idx" ON "audit_log" USING btree ("document_id");
  CREATE INDEX "audit_log_user_idx" ON "audit_log" USING btree ("user_id");
  CREATE INDEX "audit_log_updated_at_idx" ON "audit_log" USING btree ("updated_at");
  CREATE INDEX "audit_log_created_at_idx" ON "audit_log" USING btree ("created_at");
  ALTER TABLE "articles" ADD CONSTRAINT "articles_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "articles" ADD CONSTRAINT "articles_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_articles_v" ADD CONSTRAINT "_articles_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pages" ADD CONSTRAINT "pages_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_created_by_id_users_id_fk" FOREIGN KEY ("version_created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_pages_v" ADD CONSTRAINT "_pages_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quotes" ADD CONSTRAINT "quotes_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "quotes" ADD CONSTRAINT "quotes_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interns" ADD CONSTRAINT "interns_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "interns" ADD CONSTRAINT "interns_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contacts" ADD CONSTRAINT "contacts_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "contacts" ADD CONSTRAINT "contacts_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "topics" ADD CONSTRAINT "topics_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "topics" ADD CONSTRAINT "topics_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "media" ADD CONSTRAINT "media_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_redirects_fk" FOREIGN KEY ("redirects_id") REFERENCES "public"."redirects"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "site" ADD CONSTRAINT "site_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_site_v" ADD CONSTRAINT "_site_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "footer" ADD CONSTRAINT "footer_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_footer_v" ADD CONSTRAINT "_footer_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "navigation" ADD CONSTRAINT "navigation_updated_by_id_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_navigation_v" ADD CONSTRAINT "_navigation_v_version_updated_by_id_users_id_fk" FOREIGN KEY ("version_updated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_created_by_idx" ON "articles" USING btree ("created_by_id");
  CREATE INDEX "articles_updated_by_idx" ON "articles" USING btree ("updated_by_id");
  CREATE INDEX "_articles_v_version_version_created_by_idx" ON "_articles_v" USING btree ("version_created_by_id");
  CREATE INDEX "_articles_v_version_version_updated_by_idx" ON "_articles_v" USING btree ("version_updated_by_id");
  CREATE INDEX "pages_created_by_idx" ON "pages" USING btree ("created_by_id");
  CREATE INDEX "pages_updated_by_idx" ON "pages" USING btree ("updated_by_id");
  CREATE INDEX "_pages_v_version_version_created_by_idx" ON "_pages_v" USING btree ("version_created_by_id");
  CREATE INDEX "_pages_v_version_version_updated_by_idx" ON "_pages_v" USING btree ("version_updated_by_id");
  CREATE INDEX "quotes_created_by_idx" ON "quotes" USING btree ("created_by_id");
  CREATE INDEX "quotes_updated_by_idx" ON "quotes" USING btree ("updated_by_id");
  CREATE INDEX "interns_created_by_idx" ON "interns" USING btree ("created_by_id");
  CREATE INDEX "interns_updated_by_idx" ON "interns" USING btree ("updated_by_id");
  CREATE INDEX "contacts_created_by_idx" ON "contacts" USING btree ("created_by_id");
  CREATE INDEX "contacts_updated_by_idx" ON "contacts" USING btree ("updated_by_id");
  CREATE INDEX "topics_created_by_idx" ON "topics" USING btree ("created_by_id");
  CREATE INDEX "topics_updated_by_idx" ON "topics" USING btree ("updated_by_id");
  CREATE INDEX "media_created_by_idx" ON "media" USING btree ("created_by_id");
  CREATE INDEX "media_updated_by_idx" ON "media" USING btree ("updated_by_id");
  CREATE INDEX "payload_locked_documents_rels_redirects_id_idx" ON "payload_locked_documents_rels" USING btree ("redirects_id");
  CREATE INDEX "site_updated_by_idx" ON "site" USING btree ("updated_by_id");
  CREATE INDEX "_site_v_version_version_updated_by_idx" ON "_site_v" USING btree ("version_updated_by_id");
  CREATE INDEX "footer_updated_by_idx" ON "footer" USING btree ("updated_by_id");
  CREATE INDEX "_footer_v_version_version_updated_by_idx" ON "_footer_v" USING btree ("version_updated_by_id");
  CREATE INDEX "navigation_updated_by_idx" ON "navigation" USING btree ("updated_by_id");
  CREATE INDEX "_navigation_v_version_version_updated_by_idx" ON "_navigation_v" USING btree ("version_updated_by_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "redirects" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "audit_log" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "redirects" CASCADE;
  DROP TABLE "audit_log" CASCADE;
  ALTER TABLE "articles" DROP CONSTRAINT "articles_created_by_id_users_id_fk";
  
  ALTER TABLE "articles" DROP CONSTRAINT "articles_updated_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_created_by_id_users_id_fk";
  
  ALTER TABLE "_articles_v" DROP CONSTRAINT "_articles_v_version_updated_by_id_users_id_fk";
  
  ALTER TABLE "pages" DROP CONSTRAINT "pages_created_by_id_users_id_fk";
  
  ALTER TABLE "pages" DROP CONSTRAINT "pages_updated_by_id_users_id_fk";
  
  ALTER TABLE "_pages_v" DROP CONSTRAINT "_pages_v_version_created_by_id_users_id_fk";
  
  ALTER TABLE "_pages_v" DROP CONSTRAINT "_pages_v_version_updated_by_id_users_id_fk";
  
  ALTER TABLE "quotes" DROP CONSTRAINT "quotes_created_by_id_users_id_fk";
  
  ALTER TABLE "quotes" DROP CONSTRAINT "quotes_updated_by_id_users_id_fk";
  
  ALTER TABLE "interns" DROP CONSTRAINT "interns_created_by_id_users_id_fk";
  
  ALTER TABLE "interns" DROP CONSTRAINT "interns_updated_by_id_users_id_fk";
  
  ALTER TABLE "contacts" DROP CONSTRAINT "contacts_created_by_id_users_id_fk";
  
  ALTER TABLE "contacts" DROP CONSTRAINT "contacts_updated_by_id_users_id_fk";
  
  ALTER TABLE "topics" DROP CONSTRAINT "topics_created_by_id_users_id_fk";
  
  ALTER TABLE "topics" DROP CONSTRAINT "topics_updated_by_id_users_id_fk";
  
  ALTER TABLE "media" DROP CONSTRAINT "media_created_by_id_users_id_fk";
  
  ALTER TABLE "media" DROP CONSTRAINT "media_updated_by_id_users_id_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_redirects_fk";
  
  ALTER TABLE "site" DROP CONSTRAINT "site_updated_by_id_users_id_fk";
  
  ALTER TABLE "_site_v" DROP CONSTRAINT "_site_v_version_updated_by_id_users_id_fk";
  
  ALTER TABLE "footer" DROP CONSTRAINT "footer_updated_by_id_users_id_fk";
  
  ALTER TABLE "_footer_v" DROP CONSTRAINT "_footer_v_version_updated_by_id_users_id_fk";
  
  ALTER TABLE "navigation" DROP CONSTRAINT "navigation_updated_by_id_users_id_fk";
  
  ALTER TABLE "_navigation_v" DROP CONSTRAINT "_navigation_v_version_updated_by_id_users_id_fk";
  
  DROP INDEX "articles_created_by_idx";
  DROP INDEX "articles_updated_by_idx";
  DROP INDEX "_articles_v_version_version_created_by_idx";
  DROP INDEX "_articles_v_version_version_updated_by_idx";
  DROP INDEX "pages_created_by_idx";
  DROP INDEX "pages_updated_by_idx";
  DROP INDEX "_pages_v_version_version_created_by_idx";
  DROP INDEX "_pages_v_version_version_updated_by_idx";
  DROP INDEX "quotes_created_by_idx";
  DROP INDEX "quotes_updated_by_idx";
  DROP INDEX "interns_created_by_idx";
  DROP INDEX "interns_updated_by_idx";
  DROP INDEX "contacts_created_by_idx";
  DROP INDEX "contacts_updated_by_idx";
  DROP INDEX "topics_created_by_idx";
  DROP INDEX "topics_updated_by_idx";
  DROP INDEX "media_created_by_idx";
  DROP INDEX "media_updated_by_idx";
  DROP INDEX "payload_locked_documents_rels_redirects_id_idx";
  DROP INDEX "site_updated_by_idx";
  DROP INDEX "_site_v_version_version_updated_by_idx";
  DROP INDEX "footer_updated_by_idx";
  DROP INDEX "_footer_v_version_version_updated_by_idx";
  DROP INDEX "navigation_updated_by_idx";
  DROP INDEX "_navigation_v_version_version_updated_by_idx";
  ALTER TABLE "articles" DROP COLUMN "created_by_id";
  ALTER TABLE "articles" DROP COLUMN "updated_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_created_by_id";
  ALTER TABLE "_articles_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "pages" DROP COLUMN "created_by_id";
  ALTER TABLE "pages" DROP COLUMN "updated_by_id";
  ALTER TABLE "_pages_v" DROP COLUMN "version_created_by_id";
  ALTER TABLE "_pages_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "quotes" DROP COLUMN "created_by_id";
  ALTER TABLE "quotes" DROP COLUMN "updated_by_id";
  ALTER TABLE "interns" DROP COLUMN "created_by_id";
  ALTER TABLE "interns" DROP COLUMN "updated_by_id";
  ALTER TABLE "contacts" DROP COLUMN "created_by_id";
  ALTER TABLE "contacts" DROP COLUMN "updated_by_id";
  ALTER TABLE "topics" DROP COLUMN "created_by_id";
  ALTER TABLE "topics" DROP COLUMN "updated_by_id";
  ALTER TABLE "media" DROP COLUMN "created_by_id";
  ALTER TABLE "media" DROP COLUMN "updated_by_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "redirects_id";
  ALTER TABLE "site" DROP COLUMN "updated_by_id";
  ALTER TABLE "_site_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "footer" DROP COLUMN "updated_by_id";
  ALTER TABLE "_footer_v" DROP COLUMN "version_updated_by_id";
  ALTER TABLE "navigation" DROP COLUMN "updated_by_id";
  ALTER TABLE "_navigation_v" DROP COLUMN "version_updated_by_id";
  DROP TYPE "public"."enum_redirects_type";
  DROP TYPE "public"."enum_audit_log_action";
  DROP TYPE "public"."enum_audit_log_from_status";
  DROP TYPE "public"."enum_audit_log_to_status";`)
}
