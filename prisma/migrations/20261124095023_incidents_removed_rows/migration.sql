-- Incident data (issue 5): rows a re-import no longer contains are marked removed (removed_at,
-- removed_in_batch_id) instead of deleted; removed_at joins the aggregate indexes so that
-- "not removed" is still answered index-only.
-- DropIndex
DROP INDEX "incidents_workspace_id_admin1_date_start_year_month_fatalit_idx";

-- DropIndex
DROP INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx";

-- AlterTable
ALTER TABLE "import_batches" ADD COLUMN     "removed" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "incidents" ADD COLUMN     "removed_at" TIMESTAMP(3),
ADD COLUMN     "removed_in_batch_id" UUID;

-- CreateIndex
CREATE INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx" ON "incidents"("workspace_id", "date_start", "year_month", "fatalities_best", "actor_ids", "removed_at");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_admin1_date_start_year_month_fatalit_idx" ON "incidents"("workspace_id", "admin1", "date_start", "year_month", "fatalities_best", "actor_ids", "removed_at");

-- CreateIndex
CREATE INDEX "incidents_removed_in_batch_id_idx" ON "incidents"("removed_in_batch_id");

-- AddForeignKey
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_removed_in_batch_id_fkey" FOREIGN KEY ("removed_in_batch_id") REFERENCES "import_batches"("id") ON DELETE SET NULL ON UPDATE CASCADE;


