import { createReadStream } from "node:fs";

/** A file on disk as the byte stream the importer reads (tests, benchmarks, scripts). */
export function fileSource(path: string, chunkSize = 64 * 1024): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: chunkSize });
}

/** A string or bytes as a byte stream, in chunks (to exercise chunk boundaries in tests). */
export async function* bytesSource(
  content: string | Uint8Array,
  chunkSize = 64 * 1024,
): AsyncGenerator<Uint8Array> {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}
