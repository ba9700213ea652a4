-- CreateEnum
CREATE TYPE "TransitionKind" AS ENUM ('SUBMIT', 'REQUEST_CHANGES', 'APPROVE', 'PUBLISH', 'EDITED_AFTER_APPROVAL', 'WITHDRAW');

-- CreateEnum
CREATE TYPE "SnapshotReason" AS ENUM ('SESSION', 'ACTIVITY', 'TRANSITION', 'BEFORE_RESTORE');

-- AlterTable
ALTER TABLE "briefs" ADD COLUMN     "approved_at" TIMESTAMP(3),
ADD COLUMN     "approved_by_id" UUID,
ADD COLUMN     "approved_hash" VARCHAR(64),
ADD COLUMN     "public_link" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "review_cycle_started_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "slug" VARCHAR(120);

-- AlterTable
ALTER TABLE "workspaces" ADD COLUMN     "four_eyes" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "viewers_may_comment" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "brief_transitions" (
    "id" UUID NOT NULL,
    "brief_id" UUID NOT NULL,
    "kind" "TransitionKind" NOT NULL,
    "from_status" "BriefStatus" NOT NULL,
    "to_status" "BriefStatus" NOT NULL,
    "actor_id" UUID,
    "comment" VARCHAR(4000) NOT NULL DEFAULT '',
    "content_hash" VARCHAR(64),
    "data" JSONB,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brief_transitions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_contributors" (
    "brief_id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "first_edited_at" TIMESTAMP(3) NOT NULL,
    "last_edited_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "brief_contributors_pkey" PRIMARY KEY ("brief_id","user_id")
);

-- CreateTable
CREATE TABLE "brief_versions" (
    "id" UUID NOT NULL,
    "brief_id" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "title" VARCHAR(300) NOT NULL,
    "language" VARCHAR(16) NOT NULL,
    "direction" "TextDirection" NOT NULL,
    "citation_style" VARCHAR(64) NOT NULL,
    "yjs_state" BYTEA NOT NULL,
    "content_json" JSONB NOT NULL,
    "content_text" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "html" TEXT NOT NULL,
    "embeds" JSONB NOT NULL,
    "citations" JSONB NOT NULL,
    "approved_by_id" UUID NOT NULL,
    "approved_at" TIMESTAMP(3) NOT NULL,
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brief_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "brief_version_exports" (
    "version_id" UUID NOT NULL,
    "format" VARCHAR(8) NOT NULL,
    "data" BYTEA NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brief_version_exports_pkey" PRIMARY KEY ("version_id","format")
);

-- CreateTable
CREATE TABLE "brief_snapshots" (
    "id" UUID NOT NULL,
    "brief_id" UUID NOT NULL,
    "reason" "SnapshotReason" NOT NULL,
    "state" BYTEA NOT NULL,
    "content_json" JSONB NOT NULL,
    "content_text" TEXT NOT NULL,
    "content_hash" VARCHAR(64) NOT NULL,
    "author_ids" UUID[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "brief_snapshots_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comment_threads" (
    "id" UUID NOT NULL,
    "brief_id" UUID NOT NULL,
    "anchor" JSONB NOT NULL,
    "quote" VARCHAR(2000) NOT NULL,
    "created_by_id" UUID NOT NULL,
    "resolved_at" TIMESTAMP(3),
    "resolved_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "comment_threads_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "comments" (
    "id" UUID NOT NULL,
    "thread_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" VARCHAR(8000) NOT NULL,
    "mentions" UUID[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "edited_at" TIMESTAMP(3),

    CONSTRAINT "comments_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "brief_transitions_brief_id_created_at_idx" ON "brief_transitions"("brief_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "brief_versions_brief_id_number_key" ON "brief_versions"("brief_id", "number");

-- CreateIndex
CREATE INDEX "brief_snapshots_brief_id_created_at_idx" ON "brief_snapshots"("brief_id", "created_at");

-- CreateIndex
CREATE INDEX "comment_threads_brief_id_resolved_at_idx" ON "comment_threads"("brief_id", "resolved_at");

-- CreateIndex
CREATE INDEX "comments_thread_id_created_at_idx" ON "comments"("thread_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "briefs_slug_key" ON "briefs"("slug");

-- AddForeignKey
ALTER TABLE "briefs" ADD CONSTRAINT "briefs_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_transitions" ADD CONSTRAINT "brief_transitions_brief_id_fkey" FOREIGN KEY ("brief_id") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_transitions" ADD CONSTRAINT "brief_transitions_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_contributors" ADD CONSTRAINT "brief_contributors_brief_id_fkey" FOREIGN KEY ("brief_id") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_contributors" ADD CONSTRAINT "brief_contributors_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_brief_id_fkey" FOREIGN KEY ("brief_id") REFERENCES "briefs"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_approved_by_id_fkey" FOREIGN KEY ("approved_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_versions" ADD CONSTRAINT "brief_versions_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_version_exports" ADD CONSTRAINT "brief_version_exports_version_id_fkey" FOREIGN KEY ("version_id") REFERENCES "brief_versions"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "brief_snapshots" ADD CONSTRAINT "brief_snapshots_brief_id_fkey" FOREIGN KEY ("brief_id") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_brief_id_fkey" FOREIGN KEY ("brief_id") REFERENCES "briefs"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comment_threads" ADD CONSTRAINT "comment_threads_resolved_by_id_fkey" FOREIGN KEY ("resolved_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_thread_id_fkey" FOREIGN KEY ("thread_id") REFERENCES "comment_threads"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "comments" ADD CONSTRAINT "comments_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;



-- Existing briefs: their review cycle began when they were created.
UPDATE "briefs" SET "review_cycle_started_at" = "created_at";

-- Published versions and their exports are immutable: the database itself refuses to
-- change or remove them, whoever asks (application bug, hostile SQL through a driver, admin).
CREATE FUNCTION briefroom_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'briefroom: % on % is refused: published versions are immutable', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER brief_versions_immutable BEFORE UPDATE OR DELETE ON "brief_versions"
  FOR EACH ROW EXECUTE FUNCTION briefroom_refuse_change();
CREATE TRIGGER brief_versions_no_truncate BEFORE TRUNCATE ON "brief_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION briefroom_refuse_change();
CREATE TRIGGER brief_version_exports_immutable BEFORE UPDATE OR DELETE ON "brief_version_exports"
  FOR EACH ROW EXECUTE FUNCTION briefroom_refuse_change();
CREATE TRIGGER brief_version_exports_no_truncate BEFORE TRUNCATE ON "brief_version_exports"
  FOR EACH STATEMENT EXECUTE FUNCTION briefroom_refuse_change();
