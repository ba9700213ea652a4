-- Incident search (issue 5): actors are linked by id (actor_ids, GIN), so the trigram-indexed
-- actor_text column goes; the aggregate indexes carry actor_ids so that "region + actor +
-- dates" counts and per-month series are index-only scans.
-- DropIndex
DROP INDEX "incidents_actor_text_idx";

-- DropIndex
DROP INDEX "incidents_workspace_id_admin1_date_start_year_month_fatalit_idx";

-- DropIndex
DROP INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx";

-- AlterTable
ALTER TABLE "incidents" DROP COLUMN "actor_text";

-- CreateIndex
CREATE INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx" ON "incidents"("workspace_id", "date_start", "year_month", "fatalities_best", "actor_ids");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_admin1_date_start_year_month_fatalit_idx" ON "incidents"("workspace_id", "admin1", "date_start", "year_month", "fatalities_best", "actor_ids");


