import { CHART, chartGeometry } from "@/lib/incidents/chart-geometry";
import type { SeriesPoint } from "@/lib/incidents/queries";

type Props = {
  series: SeriesPoint[];
  /** Accessible name, e.g. "Incidents and fatalities per year". */
  title: string;
  labels: { count: string; fatalities: string };
};

/**
 * Incidents (bars) and fatalities (line) per period, as plain SVG: no chart library, renders
 * on the server, in the editor and in the published brief alike. Time runs left to right in
 * every language (the SVG is direction-neutral), while labels follow the page.
 */
export function IncidentChart({ series, title, labels }: Props) {
  if (series.length === 0) return null;
  const { maxCount, maxDeaths, baseline, bars, line } = chartGeometry(series);
  return (
    <figure className="incident-chart" data-testid="incident-chart">
      <svg
        viewBox={`0 0 ${CHART.width} ${CHART.height}`}
        role="img"
        aria-label={title}
        style={{ direction: "ltr" }}
      >
        <title>{title}</title>
        <line
          x1={CHART.side}
          x2={CHART.width - CHART.side}
          y1={baseline}
          y2={baseline}
          className="axis"
        />{" "}
        <text x={CHART.side - 4} y={CHART.top + 8} className="tick" textAnchor="end">
          {maxCount}
        </text>
        <text x={CHART.width - CHART.side + 4} y={CHART.top + 8} className="tick deaths">
          {maxDeaths}
        </text>
        {bars.map((bar) => (
          <g key={bar.period}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="bar">
              <title>{`${bar.period}: ${bar.count} ${labels.count}, ${bar.fatalities} ${labels.fatalities}`}</title>
            </rect>
            {bar.labelled && (
              <text
                x={bar.centre}
                y={CHART.height - CHART.bottom + 16}
                className="tick"
                textAnchor="middle"
              >
                {bar.period}
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
