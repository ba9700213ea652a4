import type { SeriesPoint } from "@/lib/incidents/queries";

type Props = {
  series: SeriesPoint[];
  /** Accessible name, e.g. "Incidents and fatalities per year". */
  title: string;
  labels: { count: string; fatalities: string };
};

const W = 640;
const H = 220;
const PAD = { top: 12, bottom: 36, side: 36 };

/**
 * Incidents (bars) and fatalities (line) per period, as plain SVG: no chart library, renders
 * on the server, in the editor and in the published brief alike. Time runs left to right in
 * every language (the SVG is direction-neutral), while labels follow the page.
 */
export function IncidentChart({ series, title, labels }: Props) {
  if (series.length === 0) return null;
  const maxCount = Math.max(1, ...series.map((p) => p.count));
  const maxDeaths = Math.max(1, ...series.map((p) => p.fatalities));
  const plotW = W - PAD.side * 2;
  const plotH = H - PAD.top - PAD.bottom;
  const step = plotW / series.length;
  const barW = Math.max(2, step * 0.6);
  const x = (i: number) => PAD.side + i * step + step / 2;
  const yCount = (v: number) => PAD.top + plotH - (v / maxCount) * plotH;
  const yDeaths = (v: number) => PAD.top + plotH - (v / maxDeaths) * plotH;
  const every = Math.ceil(series.length / 12);
  const line = series.map((p, i) => `${x(i).toFixed(1)},${yDeaths(p.fatalities).toFixed(1)}`).join(" "); // prettier-ignore
  return (
    <figure className="incident-chart" data-testid="incident-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title} style={{ direction: "ltr" }}>
        <title>{title}</title>
        <line
          x1={PAD.side}
          x2={W - PAD.side}
          y1={PAD.top + plotH}
          y2={PAD.top + plotH}
          className="axis"
        />{" "}
        {/* prettier-ignore */}
        <text x={PAD.side - 4} y={PAD.top + 8} className="tick" textAnchor="end">{maxCount}</text>
        <text x={W - PAD.side + 4} y={PAD.top + 8} className="tick deaths">
          {maxDeaths}
        </text>
        {series.map((p, i) => (
          <g key={p.period}>
            <rect
              x={x(i) - barW / 2}
              y={yCount(p.count)}
              width={barW}
              height={PAD.top + plotH - yCount(p.count)}
              className="bar"
            >
              <title>{`${p.period}: ${p.count} ${labels.count}, ${p.fatalities} ${labels.fatalities}`}</title>
            </rect>
            {i % every === 0 && (
              <text x={x(i)} y={H - PAD.bottom + 16} className="tick" textAnchor="middle">
                {p.period}
              </text>
            )}
          </g>
        ))}
        <polyline points={line} className="deaths-line" fill="none" />
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-bar">{labels.count}</span>
        <span className="legend-line">{labels.fatalities}</span>
      </figcaption>
    </figure>
  );
}
