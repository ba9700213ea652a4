-- Incident search counts: free text naming an actor or a place ("GSIM", "كاي") counts the
-- named rows from the date index alone (index-only scans), so admin1 and admin2 join it; the
-- browser's event-type drop-down skips through (workspace, event type) instead of grouping
-- every row of the workspace.
-- DropIndex
DROP INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx";

-- CreateIndex
CREATE INDEX "incidents_workspace_id_date_start_year_month_fatalities_bes_idx" ON "incidents"("workspace_id", "date_start", "year_month", "fatalities_best", "actor_ids", "removed_at", "admin1", "admin2");

-- CreateIndex
CREATE INDEX "incidents_workspace_id_event_type_removed_at_idx" ON "incidents"("workspace_id", "event_type", "removed_at");
