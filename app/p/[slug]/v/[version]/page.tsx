import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublishedVersion } from "@/components/publishing/PublishedVersion";
import { readerView } from "@/lib/publishing/reader-view";

type Props = { params: Promise<{ slug: string; version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, version } = await params;
  const view = await readerView(slug, version);
  if (!view) return {};
  return {
    title: `${view.version.title} · v${view.version.number}`,
    robots: view.publication.brief.publicLink ? undefined : { index: false },
  };
}

/** One published version, at a URL that never changes what it shows. */
export default async function VersionPage({ params }: Props) {
  const { slug, version } = await params;
  const view = await readerView(slug, version);
  if (!view) notFound();
  return <PublishedVersion view={view} />;
}
