import type { AppLocale } from "./config";
import en from "./messages/en.json";

export type Messages = typeof en;

export async function loadMessages(locale: AppLocale): Promise<Messages> {
  switch (locale) {
    case "fr":
      return (await import("./messages/fr.json")).default;
    case "ar":
      return (await import("./messages/ar.json")).default;
    default:
      return en;
  }
}
