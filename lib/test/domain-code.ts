import { DomainError } from "@/lib/errors/domain-error";

/** "ok" when the promise resolves, else the DomainError's code (other errors propagate). */
export async function domainCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "ok";
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}
