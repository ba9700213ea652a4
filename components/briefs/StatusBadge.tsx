import { useTranslations } from "next-intl";

export function StatusBadge({
  status,
}: {
  status: "DRAFT" | "IN_REVIEW" | "APPROVED" | "PUBLISHED";
}) {
  const t = useTranslations("status");
  return (
    <span className={`badge badge-${status.toLowerCase()}`} data-testid="status-badge">
      {t(status)}
    </span>
  );
}
