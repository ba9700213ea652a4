import { z } from "zod";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import type { Member } from "@/lib/policy/can";
import { commitImport, previewImport, type ImportSummary } from "./commit-import";
import { MAX_IMPORT_BYTES, parseImportFile } from "./parse-import";

/** Rows errors sent back to the browser (the full list is stored with a committed batch). */
const ERRORS_SENT = 1000;

const optionsSchema = z.object({
  dataset: z.enum(["UCDP_GED", "ACLED"]),
  mode: z.enum(["preview", "commit"]),
  fileName: z.string().trim().min(1).max(300),
  version: z.string().trim().max(40).optional().transform((v) => v || null), // prettier-ignore
  accessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  skipRejected: z.enum(["0", "1"]).optional().transform((v) => v === "1"), // prettier-ignore
});

export type ImportEvent =
  | { type: "progress"; phase: "reading" | "writing"; rows: number; bytes: number }
  | { type: "result"; summary: ImportSummary }
  | { type: "error"; code: string; values: Record<string, string | number> };

/**
 * Runs a preview or a commit for an upload whose body is the CSV file itself, emitting
 * progress events as it goes (the route streams them to the browser as NDJSON).
 */
export async function runImportRequest(
  member: Member,
  query: URLSearchParams,
  body: AsyncIterable<Uint8Array>,
  size: number,
  emit: (event: ImportEvent) => void,
): Promise<void> {
  try {
    const parsedOptions = optionsSchema.safeParse(Object.fromEntries(query));
    if (!parsedOptions.success) throw new DomainError("validation");
    const options = parsedOptions.data;
    if (size > MAX_IMPORT_BYTES)
      throw new DomainError("importTooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 });
    const parsed = await parseImportFile(body, {
      expected: options.dataset,
      onProgress: ({ rows, bytes }) => emit({ type: "progress", phase: "reading", rows, bytes }),
    });
    const summary =
      options.mode === "preview"
        ? await previewImport(member, parsed, undefined, { datasetVersion: options.version })
        : await commitImport(
            member,
            parsed,
            {
              fileName: options.fileName,
              fileSize: size,
              datasetVersion: options.version,
              accessDate: new Date(`${options.accessDate}T00:00:00Z`),
            },
            {
              skipRejected: options.skipRejected,
              onProgress: (rows) => emit({ type: "progress", phase: "writing", rows, bytes: size }),
            },
          );
    emit({ type: "result", summary: { ...summary, errors: summary.errors.slice(0, ERRORS_SENT) } }); // prettier-ignore
  } catch (error) {
    if (isDomainError(error)) emit({ type: "error", code: error.code, values: error.values });
    else {
      console.error("[incidents import]", error);
      emit({ type: "error", code: "unexpected", values: {} });
    }
  }
}
