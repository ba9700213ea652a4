-- CreateEnum
CREATE TYPE "SourceReliability" AS ENUM ('A', 'B', 'C', 'D', 'E', 'F');

-- AlterTable
ALTER TABLE "briefs" ADD COLUMN     "citation_style" VARCHAR(64) NOT NULL DEFAULT 'chicago-note-bibliography';

-- CreateTable
CREATE TABLE "sources" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "type" VARCHAR(40) NOT NULL,
    "title" VARCHAR(1000) NOT NULL,
    "title_translated" VARCHAR(1000),
    "authors" JSONB NOT NULL DEFAULT '[]',
    "issued" VARCHAR(10),
    "accessed" VARCHAR(10),
    "container_title" VARCHAR(500),
    "publisher" VARCHAR(300),
    "publisher_place" VARCHAR(200),
    "url" VARCHAR(2000),
    "doi" VARCHAR(300),
    "language" VARCHAR(16),
    "archive" VARCHAR(300),
    "archive_location" VARCHAR(300),
    "note" VARCHAR(5000),
    "reliability" "SourceReliability" NOT NULL DEFAULT 'F',
    "credibility" SMALLINT NOT NULL DEFAULT 6,
    "tags" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "doi_key" VARCHAR(300),
    "url_key" VARCHAR(2000),
    "title_key" VARCHAR(1100) NOT NULL,
    "archived_at" TIMESTAMP(3),
    "created_by_id" UUID NOT NULL,
    "updated_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sources_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "sources_workspace_id_title_key_idx" ON "sources"("workspace_id", "title_key");

-- CreateIndex
CREATE INDEX "sources_workspace_id_archived_at_updated_at_idx" ON "sources"("workspace_id", "archived_at", "updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "sources_workspace_id_doi_key_key" ON "sources"("workspace_id", "doi_key");

-- CreateIndex
CREATE UNIQUE INDEX "sources_workspace_id_url_key_key" ON "sources"("workspace_id", "url_key");

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sources" ADD CONSTRAINT "sources_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
