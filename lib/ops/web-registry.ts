import type { Registry } from "prom-client";
import { registerImportMetrics } from "./import-metrics";
import { webMetrics } from "./metrics";

const cache = globalThis as unknown as { __briefroomImportMetrics?: boolean };

/** What /api/metrics serves: the web process's registry with the import metrics on it. */
export function webRegistry(): Registry {
  const registry = webMetrics();
  if (!cache.__briefroomImportMetrics) {
    cache.__briefroomImportMetrics = true;
    registerImportMetrics(registry);
  }
  return registry;
}
