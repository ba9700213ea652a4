/**
 * The demo workspace and its accounts (the briefs are in briefs.ts). Imported by `npm start`
 * to print the sign-ins, so it imports nothing.
 */
export const DEMO_PASSWORD = "briefroom-demo";

export const DEMO_WORKSPACE = { slug: "western-mali", name: "Western Mali desk" } as const;

export const DEMO_USERS = [
  { email: "editor@briefroom.test", name: "Aminata Traoré", role: "EDITOR", locale: "fr" },
  { email: "approver@briefroom.test", name: "Moussa Diallo", role: "APPROVER", locale: "en" },
  { email: "viewer@briefroom.test", name: "Claire Martin", role: "VIEWER", locale: "en" },
  { email: "admin@briefroom.test", name: "Salma Ould Ahmed", role: "ADMIN", locale: "ar" },
] as const;
