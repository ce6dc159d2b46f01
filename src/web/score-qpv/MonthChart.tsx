// Bar chart of the QPV share per month, in plain SVG. Decorative complement: the same values are in the table below it.
import type { ScoreQpvReport } from "../../score-qpv/score-qpv.contract.ts";
import { formatShare } from "../shared-format.ts";
import { reportText } from "./report.fr.ts";

type Row = ScoreQpvReport["breakdowns"]["byMonth"][number];

/** "2024-03" → "03/24"; other keys keep the server's label. */
const shortMonth = (row: Row) => (/^\d{4}-\d{2}$/.test(row.key) ? `${row.key.slice(5, 7)}/${row.key.slice(2, 4)}` : row.label);

const width = 640;
const height = 220;
const margin = { top: 20, right: 8, bottom: 40, left: 8 };

export const MonthChart = ({ rows }: { rows: Row[] }) => {
  const shown = rows.filter((row) => row.qpvShare !== null);
  if (shown.length < 2) return null;
  const max = Math.max(...shown.map((row) => row.qpvShare ?? 0), 0.01);
  const slot = (width - margin.left - margin.right) / rows.length;
  const barHeight = (share: number) => ((height - margin.top - margin.bottom) * share) / max;
  return (
    <figure className="fr-my-3w tremplin-chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="month-chart-title month-chart-desc" width="100%">
        <title id="month-chart-title">{reportText.breakdowns.chartTitle}</title>
        <desc id="month-chart-desc">{reportText.breakdowns.chartDesc}</desc>
        {rows.map((row, i) => {
          const x = margin.left + i * slot + slot * 0.15;
          const h = row.qpvShare === null ? 0 : barHeight(row.qpvShare);
          const y = height - margin.bottom - h;
          return (
            <g key={row.key}>
              <rect x={x} y={y} width={slot * 0.7} height={h} className="tremplin-chart__bar" />
              <text x={x + slot * 0.35} y={y - 4} textAnchor="middle" className="tremplin-chart__value">
                {row.qpvShare === null ? "< 5" : formatShare(row.qpvShare)}
              </text>
              <text x={x + slot * 0.35} y={height - margin.bottom + 16} textAnchor="middle" className="tremplin-chart__label">
                {shortMonth(row)}
              </text>
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={height - margin.bottom} y2={height - margin.bottom} className="tremplin-chart__axis" />
      </svg>
      <figcaption className="fr-text--sm">{reportText.breakdowns.chartTitle}</figcaption>
    </figure>
  );
};
