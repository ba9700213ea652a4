import type { SeriesPoint } from "./queries";

/**
 * The layout of an incident chart (bars = incidents, line = fatalities, per period), shared
 * by the React chart of the editor and incident browser and by the SVG string of published
 * versions, so a brief looks the same live and frozen. Time runs left to right in every
 * language: callers keep the SVG direction-neutral.
 */
export const CHART = { width: 640, height: 220, top: 12, bottom: 36, side: 36 } as const;

export type ChartBar = SeriesPoint & {
  x: number;
  y: number;
  width: number;
  height: number;
  /** Centre of the bar, where its period label goes. */
  centre: number;
  /** Whether this bar's period is labelled (at most about 12 labels). */
  labelled: boolean;
};

export type ChartGeometry = {
  maxCount: number;
  maxDeaths: number;
  /** y of the horizontal axis. */
  baseline: number;
  bars: ChartBar[];
  /** `points` of the fatalities polyline. */
  line: string;
};

const round = (v: number) => Math.round(v * 10) / 10;

export function chartGeometry(series: readonly SeriesPoint[]): ChartGeometry {
  const maxCount = Math.max(1, ...series.map((p) => p.count));
  const maxDeaths = Math.max(1, ...series.map((p) => p.fatalities));
  const plotW = CHART.width - CHART.side * 2;
  const plotH = CHART.height - CHART.top - CHART.bottom;
  const baseline = CHART.top + plotH;
  const step = plotW / Math.max(1, series.length);
  const barW = Math.max(2, step * 0.6);
  const every = Math.ceil(series.length / 12);
  const centre = (i: number) => CHART.side + i * step + step / 2;
  const bars = series.map((p, i) => {
    const y = baseline - (p.count / maxCount) * plotH;
    return {
      ...p,
      x: round(centre(i) - barW / 2),
      y: round(y),
      width: round(barW),
      height: round(baseline - y),
      centre: round(centre(i)),
      labelled: i % every === 0,
    };
  });
  const line = series
    .map((p, i) => `${round(centre(i))},${round(baseline - (p.fatalities / maxDeaths) * plotH)}`)
    .join(" ");
  return { maxCount, maxDeaths, baseline, bars, line };
}
