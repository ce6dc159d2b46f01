// Bar chart of the QPV and rural shares per saved period, with the national reference line, in plain SVG.
// A complement only: the same values are always in the table that follows it (HistoryPage).
import { formatShare } from "../shared-format.ts";
import { chartScale, type HistoryPoint, trimShare } from "./history.domain.ts";
import { historyText } from "./history.fr.ts";

const t = historyText.page;
const width = 720;
const height = 320;
const margin = { top: 28, right: 44, bottom: 56, left: 52 };
const plotWidth = width - margin.left - margin.right;
const plotHeight = height - margin.top - margin.bottom;

const shorten = (text: string, max = 16) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export const HistoryChart = ({ series, reference }: { series: HistoryPoint[]; reference: number }) => {
  if (series.length === 0) return null;
  const { max, ticks } = chartScale(series, reference);
  const y = (share: number) => margin.top + plotHeight - (plotHeight * share) / max;
  const slot = plotWidth / series.length;
  const barWidth = Math.min(48, slot * 0.32);
  const referenceText = trimShare(formatShare(reference));
  return (
    <figure className="fr-my-3w tremplin-chart tremplin-chart--history">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="history-chart-title history-chart-desc" width="100%">
        <title id="history-chart-title">{t.chartTitle}</title>
        <desc id="history-chart-desc">{t.chartDesc(referenceText)}</desc>
        <defs>
          <pattern id="history-rural-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
            <rect width="6" height="6" className="tremplin-chart__bar--rural" />
            <line x1="0" y1="0" x2="0" y2="6" className="tremplin-chart__hatch" />
          </pattern>
        </defs>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={margin.left} x2={width - margin.right} y1={y(tick)} y2={y(tick)} className="tremplin-chart__grid" />
            <text x={margin.left - 6} y={y(tick) + 4} textAnchor="end" className="tremplin-chart__label">{trimShare(formatShare(tick))}</text>
          </g>
        ))}
        {series.map((point, i) => {
          const centre = margin.left + slot * i + slot / 2;
          const bars = [
            { share: point.qpvShare, x: centre - barWidth - 2, className: "tremplin-chart__bar", fill: undefined },
            { share: point.ruralShare, x: centre + 2, className: "tremplin-chart__bar--rural", fill: "url(#history-rural-hatch)" },
          ];
          return (
            <g key={point.scoreId}>
              {bars.map((bar, j) => (
                <g key={j}>
                  {bar.share !== null && (
                    <rect x={bar.x} y={y(bar.share)} width={barWidth} height={margin.top + plotHeight - y(bar.share)} className={bar.className} fill={bar.fill} />
                  )}
                  <text x={bar.x + barWidth / 2} y={(bar.share === null ? margin.top + plotHeight : y(bar.share)) - 5} textAnchor="middle" className="tremplin-chart__value">
                    {formatShare(bar.share)}
                  </text>
                </g>
              ))}
              <text x={centre} y={height - margin.bottom + 18} textAnchor="middle" className="tremplin-chart__label">{point.axis}</text>
              {point.label && (
                <text x={centre} y={height - margin.bottom + 34} textAnchor="middle" className="tremplin-chart__label">{shorten(point.label)}</text>
              )}
            </g>
          );
        })}
        <line x1={margin.left} x2={width - margin.right} y1={y(reference)} y2={y(reference)} className="tremplin-chart__reference" />
        <text x={width - margin.right + 4} y={y(reference) + 4} textAnchor="start" className="tremplin-chart__reference-label">
          {referenceText}
        </text>
        <line x1={margin.left} x2={width - margin.right} y1={margin.top + plotHeight} y2={margin.top + plotHeight} className="tremplin-chart__axis" />
      </svg>
      <figcaption className="fr-text--sm">
        <ul className="tremplin-chart__legend">
          <li><span className="tremplin-chart__swatch tremplin-chart__swatch--qpv" aria-hidden="true" />{t.legendQpv}</li>
          <li><span className="tremplin-chart__swatch tremplin-chart__swatch--rural" aria-hidden="true" />{t.legendRural}</li>
          <li><span className="tremplin-chart__swatch tremplin-chart__swatch--reference" aria-hidden="true" />{t.legendReference(referenceText)}</li>
        </ul>
      </figcaption>
    </figure>
  );
};
