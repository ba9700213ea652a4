import { db, type Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { dedupeKeys, parseSource } from "@/lib/sources/service";
import type { SourceInput } from "@/lib/sources/schema";

/**
 * Demo source library of the Western Mali desk. Entries are our own descriptions of public
 * reporting (the Timbuktu Institute report on JNIM in Kayes and the news coverage of it); the
 * URLs are placeholders on example.org, not real addresses.
 */
export const DEMO_SOURCES: SourceInput[] = [
  {
    type: "report",
    title: "L’expansion du JNIM dans la région de Kayes : dynamiques et risques transfrontaliers",
    titleTranslated: "JNIM's expansion in the Kayes region: dynamics and cross-border risks",
    authors: [{ literal: "Timbuktu Institute" }],
    issued: "2025",
    publisher: "Timbuktu Institute – African Center for Peace Studies",
    publisherPlace: "Dakar",
    url: "https://example.org/timbuktu-institute/kayes-jnim",
    language: "fr",
    reliability: "B",
    credibility: 2,
    tags: ["kayes", "jnim", "mauritania", "senegal"],
    note: "Attacks in Kayes up sevenfold between 2021 and 2024.",
  },
  {
    type: "article-newspaper",
    title: "معهد تمبكتو: هجمات جماعة نصرة الإسلام والمسلمين في منطقة كايس تضاعفت سبع مرات",
    titleTranslated: "Timbuktu Institute: JNIM attacks in the Kayes region rose sevenfold",
    containerTitle: "موقع إخباري عربي (مثال)",
    issued: "2025-03",
    url: "https://example.org/ar/kayes-jnim-timbuktu",
    language: "ar",
    reliability: "C",
    credibility: 2,
    tags: ["kayes", "jnim"],
  },
  {
    type: "article-newspaper",
    title: "Trois soldats tués dans une attaque près de Melgué",
    containerTitle: "Presse malienne (exemple)",
    issued: "2025-02",
    url: "https://example.org/fr/melgue-attaque",
    language: "fr",
    reliability: "C",
    credibility: 3,
    tags: ["melgué", "fama"],
  },
  {
    type: "interview",
    title: "Entretien avec un transporteur sur l’axe Kayes–Bamako",
    authors: [{ literal: "Western Mali desk" }],
    issued: "2025-01-18",
    language: "fr",
    reliability: "F",
    credibility: 3,
    tags: ["supply route", "taxation"],
    note: "Anonymised; notes kept by the desk.",
  },
];

/** Adds the demo sources that are missing (matched by their duplicate keys); never updates. */
export async function seedDemoSources(
  workspaceId: string,
  authorId: string,
  tx: Tx = db,
): Promise<number> {
  let created = 0;
  for (const input of DEMO_SOURCES) {
    const data = parseSource(input);
    const keys = dedupeKeys(data);
    const exists = await tx.source.findFirst({
      where: {
        workspaceId,
        OR: [{ titleKey: keys.titleKey }, ...(keys.urlKey ? [{ urlKey: keys.urlKey }] : [])],
      },
      select: { id: true },
    });
    if (exists) continue;
    await tx.source.create({
      data: {
        ...data,
        authors: data.authors as Prisma.InputJsonValue,
        ...keys,
        workspaceId,
        createdById: authorId,
        updatedById: authorId,
      },
    });
    created += 1;
  }
  return created;
}
