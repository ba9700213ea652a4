import { DomainError } from "@/lib/errors/domain-error";

const MIB = 1024 * 1024;

/** The error a body over the limit gets unless the caller names its own (413 either way). */
function defaultTooLarge(maxBytes: number): DomainError {
  return new DomainError("bodyTooLarge", { max: Math.max(1, Math.round(maxBytes / MIB)) });
}

/**
 * The request body as it arrives, never more than `maxBytes`. A declared Content-Length over
 * the limit is refused before a byte is read; otherwise bytes are counted as they stream in
 * (Content-Length may lie, and chunked uploads have none) and reading stops at the limit.
 * Stopping, at the limit or because the consumer gave up early (a wrong header), cancels the
 * body so the rest of the upload is not read.
 */
export async function* readLimitedBody(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error = () => defaultTooLarge(maxBytes),
): AsyncGenerator<Uint8Array> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > maxBytes) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!request.body) return;
  const reader = request.body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      received += value.byteLength;
      if (received > maxBytes) throw tooLarge();
      yield value;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}

/** The whole body as UTF-8 text (as `request.text()` decodes it), within `maxBytes`. */
export async function readLimitedText(
  request: Request,
  maxBytes: number,
  tooLarge?: () => Error,
): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for await (const chunk of readLimitedBody(request, maxBytes, tooLarge)) {
    text += decoder.decode(chunk, { stream: true });
  }
  return text + decoder.decode();
}
