import { z } from "zod";
import { DomainError } from "@/lib/errors/domain-error";

export const restoreInputSchema = z.object({
  briefId: z.uuid(),
  snapshotId: z.uuid(),
});
export type RestoreInput = z.infer<typeof restoreInputSchema>;

/** Server action input arrives unchecked from the browser. */
export function parseRestoreInput(input: unknown): RestoreInput {
  const parsed = restoreInputSchema.safeParse(input);
  if (!parsed.success) throw new DomainError("validation");
  return parsed.data;
}
