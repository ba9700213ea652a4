/**
 * Reads of published versions. findPublication is the access check (reader pages, export
 * routes); listVersions / getVersion / getVersionById read a brief the caller has already
 * been allowed to read versions of (can(member, "brief.readVersions", brief)).
 */
import { db, type Tx } from "@/lib/db";
import { loadBriefForUser, nullWhenRefused } from "@/lib/briefs/load-brief";
import type { BriefResource, Member } from "@/lib/policy/can";
import { isUuid } from "@/lib/validation/uuid";
import type { FrozenCitations, FrozenEmbeds } from "./frozen";

export type Publication = {
  brief: {
    id: string;
    slug: string;
    workspaceId: string;
    workspaceSlug: string;
    publicLink: boolean;
    resource: BriefResource;
  };
  /** The viewer's membership in the brief's workspace; null for a visitor. */
  member: Member | null;
};

const SLUG = /^[a-z0-9][a-z0-9-]{0,119}$/;

/**
 * The published brief at /p/<slug>, if `userId` (null: not signed in) may read its versions:
 * a member of its workspace, or anyone when the publisher made it public. Null otherwise,
 * also for unknown slugs, deleted briefs and briefs never published, so a reader page
 * answers 404 alike and never confirms that a brief exists.
 */
export async function findPublication(
  slug: string,
  userId: string | null,
  tx: Tx = db,
): Promise<Publication | null> {
  if (!SLUG.test(slug)) return null;
  const access = await nullWhenRefused(
    loadBriefForUser(userId, { slug }, "brief.readVersions", {
      tx,
      select: {
        slug: true,
        workspace: { select: { slug: true } },
        _count: { select: { versions: true } },
      },
    }),
  );
  if (!access || access.brief._count.versions === 0) return null;
  const { brief, member } = access;
  return {
    brief: {
      id: brief.id,
      slug,
      workspaceId: brief.workspaceId,
      workspaceSlug: brief.workspace.slug,
      publicLink: brief.publicLink,
      resource: brief.resource,
    },
    member,
  };
}

export type VersionSummary = {
  id: string;
  number: number;
  title: string;
  publishedAt: Date;
  approvedAt: Date;
  approvedBy: { name: string };
  publishedBy: { name: string };
};

const summarySelect = {
  id: true,
  number: true,
  title: true,
  publishedAt: true,
  approvedAt: true,
  approvedBy: { select: { name: true } },
  publishedBy: { select: { name: true } },
} as const;

/** Every version of a brief, newest first. */
export async function listVersions(briefId: string, tx: Tx = db): Promise<VersionSummary[]> {
  return tx.briefVersion.findMany({
    where: { briefId },
    orderBy: { number: "desc" },
    select: summarySelect,
  });
}

export type PublishedVersion = VersionSummary & {
  briefId: string;
  language: string;
  direction: "LTR" | "RTL";
  citationStyle: string;
  contentJson: unknown;
  contentText: string;
  contentHash: string;
  html: string;
  embeds: FrozenEmbeds;
  citations: FrozenCitations;
  /** The handling marking it was published under (null before briefs carried one). */
  tlp: string | null;
};

const versionSelect = {
  ...summarySelect,
  briefId: true,
  language: true,
  direction: true,
  citationStyle: true,
  contentJson: true,
  contentText: true,
  contentHash: true,
  html: true,
  embeds: true,
  citations: true,
  tlp: true,
} as const;

function toVersion<T extends { embeds: unknown; citations: unknown }>(row: T) {
  // Written by createVersion from these very types (lib/publishing/frozen.ts).
  return {
    ...row,
    embeds: row.embeds as FrozenEmbeds,
    citations: row.citations as FrozenCitations,
  };
}

/** Version `number` of a brief (1-based), or null. The latest when `number` is "latest". */
export async function getVersion(
  briefId: string,
  number: number | "latest",
  tx: Tx = db,
): Promise<PublishedVersion | null> {
  if (number !== "latest" && (!Number.isInteger(number) || number < 1)) return null;
  const row =
    number === "latest"
      ? await tx.briefVersion.findFirst({
          where: { briefId },
          orderBy: { number: "desc" },
          select: versionSelect,
        })
      : await tx.briefVersion.findUnique({
          where: { briefId_number: { briefId, number } },
          select: versionSelect,
        });
  return row ? toVersion(row) : null;
}

/** A version by id (export routes, compare), or null. */
export async function getVersionById(id: string, tx: Tx = db): Promise<PublishedVersion | null> {
  if (!isUuid(id)) return null;
  const row = await tx.briefVersion.findUnique({ where: { id }, select: versionSelect });
  return row ? toVersion(row) : null;
}
