-- Incident data (issue 5).
-- Trigram indexes for free-text and alias search (LIKE %…% uses them). pg_trgm ships with
-- PostgreSQL (contrib) and with the embedded PGlite (loaded in lib/db/embedded.ts).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateEnum
CREATE TYPE "IncidentDataset" AS ENUM ('UCDP_GED', 'ACLED', 'INHOUSE');

-- CreateTable
CREATE TABLE "incidents" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "dataset" "IncidentDataset" NOT NULL,
    "external_id" TEXT NOT NULL,
    "dataset_version" TEXT,
    "date_start" DATE NOT NULL,
    "date_end" DATE NOT NULL,
    "year_month" INTEGER NOT NULL,
    "date_precision" INTEGER,
    "event_type" TEXT NOT NULL,
    "sub_event_type" TEXT,
    "side_a" TEXT,
    "side_b" TEXT,
    "assoc_actors" TEXT,
    "country" TEXT,
    "admin1" TEXT,
    "admin2" TEXT,
    "admin3" TEXT,
    "place_name" TEXT,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "geo_precision" INTEGER,
    "fatalities_best" INTEGER NOT NULL DEFAULT 0,
    "fatalities_low" INTEGER,
    "fatalities_high" INTEGER,
    "civilian_deaths" INTEGER,
    "description" TEXT,
    "source_text" TEXT,
    "source_scale" TEXT,
    "number_of_sources" INTEGER,
    "clarity" INTEGER,
    "content_hash" TEXT NOT NULL,
    "search_text" TEXT NOT NULL,
    "actor_text" TEXT NOT NULL,
    "actor_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "source_ids" UUID[] DEFAULT ARRAY[]::UUID[],
    "import_batch_id" UUID,
    "created_by_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_raw" (
    "incident_id" UUID NOT NULL,
    "raw" JSONB NOT NULL,

    CONSTRAINT "incident_raw_pkey" PRIMARY KEY ("incident_id")
);

-- CreateTable
CREATE TABLE "import_batches" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "dataset" "IncidentDataset" NOT NULL,
    "dataset_version" TEXT,
    "file_name" TEXT NOT NULL,
    "file_size" INTEGER NOT NULL,
    "encoding" TEXT NOT NULL,
    "access_date" DATE NOT NULL,
    "created_by_id" UUID NOT NULL,
    "inserted" INTEGER NOT NULL,
    "updated" INTEGER NOT NULL,
    "unchanged" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "import_batches_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_revisions" (
    "id" BIGSERIAL NOT NULL,
    "incident_id" UUID NOT NULL,
    "import_batch_id" UUID NOT NULL,
    "changed_fields" TEXT[],
    "previous" JSONB NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_revisions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_notes" (
    "id" UUID NOT NULL,
    "incident_id" UUID NOT NULL,
    "author_id" UUID NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "incident_notes_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "incident_queries" (
    "id" UUID NOT NULL,
    "workspace_id" UUID NOT NULL,
    "name" VARCHAR(200) NOT NULL,
    "query" JSONB NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "incident_queries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actors" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "actors_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "actor_aliases" (
    "id" UUID NOT NULL,
    "actor_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "language" VARCHAR(8),

    CONSTRAINT "actor_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "places" (
    "id" UUID NOT NULL,
    "level" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "latitude" DOUBLE PRECISION,
    "longitude" DOUBLE PRECISION,
    "parent_id" UUID,

    CONSTRAINT "places_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "place_aliases" (
    "id" UUID NOT NULL,
    "place_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "normalized" TEXT NOT NULL,
    "language" VARCHAR(8),

    CONSTRAINT "place_aliases_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx" ON "incidents"("workspace_id", "date_start", "year_month", "fatalities_best");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_admin1_date_start_year_month_fatalit_idx" ON "incidents"("workspace_id", "admin1", "date_start", "year_month", "fatalities_best");

-- CreateIndex
CREATE INDEX "incidents_actor_ids_idx" ON "incidents" USING GIN ("actor_ids");

-- CreateIndex
CREATE INDEX "incidents_search_text_idx" ON "incidents" USING GIN ("search_text" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "incidents_actor_text_idx" ON "incidents" USING GIN ("actor_text" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "incidents_workspace_id_dataset_external_id_key" ON "incidents"("workspace_id", "dataset", "external_id");

-- CreateIndex
CREATE INDEX "import_batches_workspace_id_created_at_idx" ON "import_batches"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "incident_revisions_incident_id_created_at_idx" ON "incident_revisions"("incident_id", "created_at");

-- CreateIndex
CREATE INDEX "incident_revisions_import_batch_id_idx" ON "incident_revisions"("import_batch_id");

-- CreateIndex
CREATE INDEX "incident_notes_incident_id_created_at_idx" ON "incident_notes"("incident_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "incident_queries_workspace_id_name_key" ON "incident_queries"("workspace_id", "name");

-- CreateIndex
CREATE UNIQUE INDEX "actors_name_key" ON "actors"("name");

-- CreateIndex
CREATE UNIQUE INDEX "actor_aliases_normalized_key" ON "actor_aliases"("normalized");

-- CreateIndex
CREATE INDEX "actor_aliases_actor_id_idx" ON "actor_aliases"("actor_id");

-- CreateIndex
CREATE INDEX "actor_aliases_normalized_trgm_idx" ON "actor_aliases" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "places_level_name_key" ON "places"("level", "name");

-- CreateIndex
CREATE INDEX "place_aliases_normalized_idx" ON "place_aliases" USING GIN ("normalized" gin_trgm_ops);

-- CreateIndex
CREATE UNIQUE INDEX "place_aliases_place_id_normalized_key" ON "place_aliases"("place_id", "normalized");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_raw" ADD CONSTRAINT "incident_raw_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_batches" ADD CONSTRAINT "import_batches_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_revisions" ADD CONSTRAINT "incident_revisions_import_batch_id_fkey" FOREIGN KEY ("import_batch_id") REFERENCES "import_batches"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notes" ADD CONSTRAINT "incident_notes_incident_id_fkey" FOREIGN KEY ("incident_id") REFERENCES "incidents"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_notes" ADD CONSTRAINT "incident_notes_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_queries" ADD CONSTRAINT "incident_queries_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "incident_queries" ADD CONSTRAINT "incident_queries_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "actor_aliases" ADD CONSTRAINT "actor_aliases_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "actors"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "places" ADD CONSTRAINT "places_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "places"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "place_aliases" ADD CONSTRAINT "place_aliases_place_id_fkey" FOREIGN KEY ("place_id") REFERENCES "places"("id") ON DELETE CASCADE ON UPDATE CASCADE;


