-- The incident map counts rows per grid cell from this index alone (index-only scans).
CREATE INDEX "incidents_map_idx" ON "incidents"("workspace_id", "latitude", "longitude", "dataset", "geo_precision", "event_type", "fatalities_best", "date_start", "removed_at", "external_id");
