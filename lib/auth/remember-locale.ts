import { db, type Tx } from "@/lib/db";
import type { AppLocale } from "@/lib/i18n/config";

/** Keeps the language a user chose on their account, so their next sign-in restores it. */
export async function rememberLocale(
  userId: string,
  locale: AppLocale,
  tx: Tx = db,
): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { locale } });
}
