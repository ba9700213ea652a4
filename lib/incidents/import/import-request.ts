import { z } from "zod";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { can, type Member } from "@/lib/policy/can";
import { commitImport, previewImport, type ImportSummary } from "./commit-import";
import { MAX_IMPORT_BYTES, parseImportFile, type ParsedImport } from "./parse-import";

/** Rows errors sent back to the browser (the full list is stored with a committed batch). */
const ERRORS_SENT = 1000;

const optionsSchema = z.object({
  dataset: z.enum(["UCDP_GED", "ACLED"]),
  mode: z.enum(["preview", "commit"]),
  fileName: z.string().trim().min(1).max(300),
  version: z
    .string()
    .trim()
    .max(40)
    .optional()
    .transform((v) => v || null),
  accessDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  skipRejected: z
    .enum(["0", "1"])
    .optional()
    .transform((v) => v === "1"),
});
type ImportOptions = z.infer<typeof optionsSchema>;

export type ImportEvent =
  | { type: "progress"; phase: "writing"; rows: number; bytes: number }
  | { type: "result"; summary: ImportSummary }
  | { type: "error"; code: string; values: Record<string, string | number> };

/** An upload read to the end and parsed, ready to be previewed or committed. */
export type ReceivedImport = { options: ImportOptions; parsed: ParsedImport; bytes: number };

/** The error for a file over the limit, whether declared or found while reading. */
export function importTooLarge(): DomainError {
  return new DomainError("importTooLarge", { max: MAX_IMPORT_BYTES / 1024 / 1024 });
}

/**
 * Checks the query, then reads and parses the uploaded CSV as it streams in. Refusals the
 * route can still answer with their status (403, 400 bad options, 413 too large, a wrong
 * header) are thrown before any response is sent; `body` should already stop at
 * MAX_IMPORT_BYTES (lib/http/read-limited-body.ts), and the parser counts again.
 */
export async function receiveImport(
  member: Member,
  query: URLSearchParams,
  body: AsyncIterable<Uint8Array>,
): Promise<ReceivedImport> {
  if (!can(member, "incident.import", { kind: "workspace", id: member.workspaceId })) {
    throw new DomainError("forbidden");
  }
  const parsedOptions = optionsSchema.safeParse(Object.fromEntries(query));
  if (!parsedOptions.success) throw new DomainError("validation");
  let bytes = 0;
  const parsed = await parseImportFile(body, {
    expected: parsedOptions.data.dataset,
    onProgress: (progress) => (bytes = progress.bytes),
  });
  return { options: parsedOptions.data, parsed, bytes };
}

/**
 * Previews or commits a received upload, emitting progress events as rows are written (the
 * route streams them to the browser as NDJSON), then one result or error event.
 */
export async function runReceivedImport(
  member: Member,
  { options, parsed, bytes }: ReceivedImport,
  emit: (event: ImportEvent) => void,
): Promise<void> {
  try {
    const summary =
      options.mode === "preview"
        ? await previewImport(member, parsed, undefined, { datasetVersion: options.version })
        : await commitImport(
            member,
            parsed,
            {
              fileName: options.fileName,
              fileSize: bytes,
              datasetVersion: options.version,
              accessDate: new Date(`${options.accessDate}T00:00:00Z`),
            },
            {
              skipRejected: options.skipRejected,
              onProgress: (rows) => emit({ type: "progress", phase: "writing", rows, bytes }),
            },
          );
    emit({ type: "result", summary: { ...summary, errors: summary.errors.slice(0, ERRORS_SENT) } });
  } catch (error) {
    if (isDomainError(error)) emit({ type: "error", code: error.code, values: error.values });
    else {
      console.error("[incidents import]", error);
      emit({ type: "error", code: "unexpected", values: {} });
    }
  }
}
