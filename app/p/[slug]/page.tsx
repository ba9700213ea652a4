import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedVersion } from "@/components/publishing/PublishedVersion";
import { readerView } from "@/lib/publishing/reader-view";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const view = await readerView((await params).slug, "latest");
  if (!view) return {};
  return {
    title: view.version.title,
    robots: view.publication.brief.publicLink ? undefined : { index: false },
  };
}

/** The latest published version of a brief (members, or anyone when public). */
export default async function LatestVersionPage({ params }: Props) {
  const view = await readerView((await params).slug, "latest");
  if (!view) notFound();
  return <PublishedVersion view={view} />;
}
