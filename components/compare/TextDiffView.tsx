import { getTranslations } from "next-intl/server";
import type { DiffBlock, TextDiff } from "@/lib/compare/text-diff";

/**
 * Changed, added and removed blocks with <ins>/<del> inside; runs of unchanged blocks are
 * folded into a count. Each block carries its own direction (and the brief's language), so
 * Arabic paragraphs read right to left whatever the interface language.
 */
export async function TextDiffView({ diff, language }: { diff: TextDiff; language: string }) {
  const t = await getTranslations("history.compare");
  const items: ({ kind: "block"; block: DiffBlock } | { kind: "same"; count: number })[] = [];
  for (const block of diff.blocks) {
    const last = items[items.length - 1];
    if (block.status !== "same") items.push({ kind: "block", block });
    else if (last?.kind === "same") last.count++;
    else items.push({ kind: "same", count: 1 });
  }
  const embedLabel = (type: string) =>
    t.has(`embed.${type}`) ? t(`embed.${type}`) : t("embed.other");
  return (
    <div className="diff-text" data-testid="diff-text">
      {items.map((item, index) =>
        item.kind === "same" ? (
          <p key={index} className="diff-unchanged muted">
            {t("unchanged", { count: item.count })}
          </p>
        ) : (
          <div
            key={index}
            className={`diff-block diff-${item.block.status} diff-type-${item.block.type}`}
            dir={item.block.dir}
            lang={language}
            data-status={item.block.status}
          >
            {item.block.atom ? (
              <Marked status={item.block.status}>{embedLabel(item.block.type)}</Marked>
            ) : (
              item.block.parts.map((part, i) =>
                part.kind === "ins" ? (
                  <ins key={i}>{part.text}</ins>
                ) : part.kind === "del" ? (
                  <del key={i}>{part.text}</del>
                ) : (
                  <span key={i}>{part.text}</span>
                ),
              )
            )}
          </div>
        ),
      )}
    </div>
  );
}

function Marked({ status, children }: { status: DiffBlock["status"]; children: string }) {
  if (status === "added") return <ins>{children}</ins>;
  if (status === "removed") return <del>{children}</del>;
  return <span>{children}</span>;
}
