import type { AppLocale } from "./config";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import incidentsAr from "./messages/incidents/ar.json";
import incidentsEn from "./messages/incidents/en.json";
import incidentsFr from "./messages/incidents/fr.json";
import sourcesAr from "./messages/sources/ar.json";
import sourcesEn from "./messages/sources/en.json";
import sourcesFr from "./messages/sources/fr.json";

// Each domain keeps its messages in its own folder (one file per language) under its own
// namespace, so domains grow without touching one shared file.
const CATALOGS = {
  en: { ...en, sources: sourcesEn, incidents: incidentsEn },
  fr: { ...fr, sources: sourcesFr, incidents: incidentsFr },
  ar: { ...ar, sources: sourcesAr, incidents: incidentsAr },
} satisfies Record<AppLocale, unknown>;

export type Messages = (typeof CATALOGS)["en"];

export function loadMessages(locale: AppLocale): Messages {
  return CATALOGS[locale] as Messages;
}
