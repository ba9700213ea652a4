import { describe, expect, it } from "vitest";
import type { FrozenEmbed, FrozenEmbeds, FrozenIncident } from "@/lib/publishing/frozen";
import { dataDiff } from "./data-diff";

const row = (id: string, fatalitiesBest: number, extra: object = {}) => ({
  id,
  dataset: "ACLED",
  externalId: `X${id}`,
  fatalitiesBest,
  accessed: "2026-01-01",
  ...extra,
});
const embed = (key: string, kind: FrozenEmbed["kind"], result: object): FrozenEmbed =>
  ({
    key,
    kind,
    spec: { kind },
    result: { asOf: "t", lastChange: null, changedRows: 0, removedRows: 0, kind, ...result },
    datasets: [],
  }) as unknown as FrozenEmbed;
const incident = (
  id: string,
  fatalities: number,
  removedAt: string | null = null,
): FrozenIncident => ({
  id,
  dataset: "UCDP GED",
  externalId: `G${id}`,
  datasetVersion: "25.1",
  date: "2026-01-02",
  placeName: "Mopti",
  accessDate: "2026-01-03",
  removedAt,
  values: { fatalities },
});
const frozen = (embeds: FrozenEmbed[], incidents: FrozenIncident[] = []): FrozenEmbeds => ({
  embeds,
  incidents,
  frozenAt: "2026-01-01T00:00:00Z",
});

describe("dataDiff", () => {
  it("finds table rows added, removed and changed, and the changed totals", () => {
    const from = frozen([
      embed("t", "table", { rows: [row("1", 3), row("2", 5)], total: 2, fatalities: 8 }),
    ]);
    const to = frozen([
      embed("t", "table", {
        asOf: "later",
        rows: [row("1", 4, { accessed: "2026-02-02" }), row("3", 1)],
        total: 2,
        fatalities: 5,
      }),
    ]);
    const d = dataDiff(from, to);
    expect(d.embedsChanged).toHaveLength(1);
    const change = d.embedsChanged[0]!;
    expect(change.rowsAdded.map((r) => r.id)).toEqual(["3"]);
    expect(change.rowsRemoved.map((r) => r.id)).toEqual(["2"]);
    expect(change.rowsChanged).toEqual([
      { id: "1", label: "ACLED X1", fields: [{ field: "fatalitiesBest", from: 3, to: 4 }] },
    ]);
    expect(change.totals).toEqual([{ field: "fatalities", from: 8, to: 5 }]);
    expect(d.count).toBe(1);
  });

  it("compares figure values and ratios and chart series by period", () => {
    const d = dataDiff(
      frozen([
        embed("f", "figure", { value: 10, baseline: 5, ratio: 2 }),
        embed("c", "chart", { series: [{ period: "2026-01", count: 1, fatalities: 0 }] }),
      ]),
      frozen([
        embed("f", "figure", { value: 15, baseline: 5, ratio: 3 }),
        embed("c", "chart", {
          series: [
            { period: "2026-01", count: 2, fatalities: 0 },
            { period: "2026-02", count: 1, fatalities: 1 },
          ],
        }),
      ]),
    );
    const figure = d.embedsChanged.find((c) => c.key === "f")!;
    expect(figure.totals).toEqual([
      { field: "value", from: 10, to: 15 },
      { field: "ratio", from: 2, to: 3 },
    ]);
    const chart = d.embedsChanged.find((c) => c.key === "c")!;
    expect(chart.series).toEqual([
      { period: "2026-01", fields: [{ field: "count", from: 1, to: 2 }] },
      {
        period: "2026-02",
        fields: [
          { field: "count", from: null, to: 1 },
          { field: "fatalities", from: null, to: 1 },
        ],
      },
    ]);
  });

  it("reports embeds added and removed by key, and nothing for identical data", () => {
    const a = embed("a", "figure", { value: 1, ratio: null });
    const b = embed("b", "figure", { value: 2, ratio: null });
    const d = dataDiff(frozen([a]), frozen([b]));
    expect(d.embedsAdded.map((e) => e.key)).toEqual(["b"]);
    expect(d.embedsRemoved.map((e) => e.key)).toEqual(["a"]);
    expect(
      dataDiff(frozen([a]), frozen([{ ...a, result: { ...a.result, asOf: "x" } } as FrozenEmbed]))
        .count,
    ).toBe(0);
  });

  it("reports cited incident rows changed, removed by an import, or no longer cited", () => {
    const d = dataDiff(
      frozen([], [incident("1", 2), incident("2", 3), incident("3", 1)]),
      frozen([], [incident("1", 6), incident("2", 3, "2026-03-01"), incident("4", 0)]),
    );
    expect(d.incidentsChanged).toEqual([
      { id: "1", label: "UCDP GED G1", fields: [{ field: "fatalities", from: 2, to: 6 }] },
    ]);
    expect(d.incidentsRemoved.map((i) => i.id).sort()).toEqual(["2", "3"]);
    expect(d.incidentsAdded.map((i) => i.id)).toEqual(["4"]);
    expect(d.count).toBe(4);
  });
});
