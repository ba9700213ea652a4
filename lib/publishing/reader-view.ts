import { cache } from "react";
import { getSessionUser } from "@/lib/auth/session";
import { loadReaderView } from "@/lib/publishing/reader";

/** One look-up per request, shared by generateMetadata and the page. */
export const readerView = cache(async (slug: string, version: string) => {
  const user = await getSessionUser();
  return loadReaderView(slug, version, user?.id ?? null);
});
