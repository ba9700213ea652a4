import type { AppLocale } from "./config";
import ar from "./messages/ar.json";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import commentsAr from "./messages/comments/ar.json";
import commentsEn from "./messages/comments/en.json";
import commentsFr from "./messages/comments/fr.json";
import historyAr from "./messages/history/ar.json";
import historyEn from "./messages/history/en.json";
import historyFr from "./messages/history/fr.json";
import publishingAr from "./messages/publishing/ar.json";
import publishingEn from "./messages/publishing/en.json";
import publishingFr from "./messages/publishing/fr.json";
import workflowAr from "./messages/workflow/ar.json";
import workflowEn from "./messages/workflow/en.json";
import workflowFr from "./messages/workflow/fr.json";
import incidentsAr from "./messages/incidents/ar.json";
import incidentsEn from "./messages/incidents/en.json";
import incidentsFr from "./messages/incidents/fr.json";
import sourcesAr from "./messages/sources/ar.json";
import sourcesEn from "./messages/sources/en.json";
import sourcesFr from "./messages/sources/fr.json";
import suggestionsAr from "./messages/suggestions/ar.json";
import suggestionsEn from "./messages/suggestions/en.json";
import suggestionsFr from "./messages/suggestions/fr.json";
import tradecraftAr from "./messages/tradecraft/ar.json";
import tradecraftEn from "./messages/tradecraft/en.json";
import tradecraftFr from "./messages/tradecraft/fr.json";

// Each domain keeps its messages in its own folder (one file per language) under its own
// namespace, so domains grow without touching one shared file.
const CATALOGS = {
  en: {
    ...en,
    sources: sourcesEn,
    incidents: incidentsEn,
    comments: commentsEn,
    workflow: workflowEn,
    publishing: publishingEn,
    history: historyEn,
    suggestions: suggestionsEn,
    tradecraft: tradecraftEn,
  },
  fr: {
    ...fr,
    sources: sourcesFr,
    incidents: incidentsFr,
    comments: commentsFr,
    workflow: workflowFr,
    publishing: publishingFr,
    history: historyFr,
    suggestions: suggestionsFr,
    tradecraft: tradecraftFr,
  },
  ar: {
    ...ar,
    sources: sourcesAr,
    incidents: incidentsAr,
    comments: commentsAr,
    workflow: workflowAr,
    publishing: publishingAr,
    history: historyAr,
    suggestions: suggestionsAr,
    tradecraft: tradecraftAr,
  },
} satisfies Record<AppLocale, unknown>;

export type Messages = (typeof CATALOGS)["en"];

export function loadMessages(locale: AppLocale): Messages {
  return CATALOGS[locale] as Messages;
}
