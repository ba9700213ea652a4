/**
 * What the reader pages (/p/<slug>, /p/<slug>/v/<n>) show, for one viewer: the version, the
 * list of versions and the links the viewer may follow. Null whenever the page must answer
 * 404 (unknown slug or version, not allowed), so it never reveals that a brief exists.
 */
import { db, type Tx } from "@/lib/db";
import { can } from "@/lib/policy/can";
import {
  findPublication,
  getVersion,
  listVersions,
  type Publication,
  type PublishedVersion,
  type VersionSummary,
} from "./queries";

export type ReaderView = {
  publication: Publication;
  version: PublishedVersion;
  versions: VersionSummary[];
  isLatest: boolean;
  /** Links to /p/<slug>/v/<n>/export/{pdf,docx} (lib/export serves them), or null. */
  exports: { pdf: string; docx: string } | null;
  /** Members only: the compare page (lib/compare) for this version and the one before. */
  compareHref: string | null;
  /** Members only: the live draft in the editor. */
  draftHref: string | null;
};

/** "3" → 3; anything else (0, "03", "v3", "1e3") → null. */
export function parseVersionNumber(value: string): number | null {
  if (!/^[1-9]\d{0,8}$/.test(value)) return null;
  return Number(value);
}

export function versionPath(slug: string, number: number): string {
  return `/p/${encodeURIComponent(slug)}/v/${number}`;
}

export async function loadReaderView(
  slug: string,
  version: string | "latest",
  userId: string | null,
  tx: Tx = db,
): Promise<ReaderView | null> {
  const number = version === "latest" ? "latest" : parseVersionNumber(version);
  if (number === null) return null;
  const publication = await findPublication(slug, userId, tx);
  if (!publication) return null;
  const { brief, member } = publication;
  const found = await getVersion(brief.id, number, tx);
  if (!found) return null;
  const versions = await listVersions(brief.id, tx);
  const { resource } = brief;
  const path = versionPath(brief.slug, found.number);
  const workspaceBrief = `/w/${encodeURIComponent(brief.workspaceSlug)}/briefs/${brief.id}`;
  return {
    publication,
    version: found,
    versions,
    isLatest: versions[0]?.number === found.number,
    exports: can(member, "brief.export", resource)
      ? { pdf: `${path}/export/pdf`, docx: `${path}/export/docx` }
      : null,
    compareHref:
      member && found.number > 1 && can(member, "brief.readVersions", resource)
        ? `${workspaceBrief}/compare?from=v${found.number - 1}&to=v${found.number}`
        : null,
    draftHref: member && can(member, "brief.read", resource) ? workspaceBrief : null,
  };
}
