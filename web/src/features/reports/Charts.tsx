import { useId } from 'react';
import { SUPPRESSED } from './types.ts';
import { formatNumber } from './format.ts';

export interface Bar {
  label: string;
  value: number | null;
  hidden?: boolean;
}

/**
 * Horizontal bars as SVG with <title> and <desc> (read by screen readers as one
 * image); the same numbers are always in a table next to the chart.
 */
export function BarChart({ title, desc, bars, funnel = false }: { title: string; desc: string; bars: Bar[]; funnel?: boolean }) {
  const id = useId();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  // Label above its bar, so the chart stays readable on a 360 px phone.
  const rowH = 44;
  const width = 340;
  const chartW = 280;
  return (
    <figure className="report-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${width} ${bars.length * rowH + 4}`} width="100%" preserveAspectRatio="xMinYMin meet">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        {bars.map((b, i) => {
          const w = b.value ? (b.value / max) * chartW : 0;
          const x = funnel ? (chartW - w) / 2 : 0;
          const y = i * rowH;
          return (
            <g key={b.label}>
              <text x={0} y={y + 14} className="report-chart-label">{b.label}</text>
              {w > 0 && <rect x={x} y={y + 20} width={w} height={18} className="report-chart-bar" />}
              <text x={(funnel ? chartW / 2 + w / 2 : w) + 6} y={y + 34} className="report-chart-value">
                {b.hidden ? SUPPRESSED : b.value === null ? '–' : formatNumber(b.value, 0)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

/** A line over months (or weeks); hidden points break the line. `max` fixes the top of the scale (e.g. 100 for shares). */
export function LineChart({ title, desc, points, max: fixedMax }: { title: string; desc: string; points: { label: string; value: number | null }[]; max?: number }) {
  const id = useId();
  const W = 400;
  const H = 220;
  const pad = { l: 36, r: 12, t: 12, b: 28 };
  const max = fixedMax ?? Math.max(1, ...points.map((p) => p.value ?? 0));
  const step = points.length > 1 ? (W - pad.l - pad.r) / (points.length - 1) : 0;
  const xy = (i: number, v: number) => [pad.l + i * step, H - pad.b - (v / max) * (H - pad.t - pad.b)] as const;
  const segments: string[] = [];
  let current = '';
  points.forEach((p, i) => {
    if (p.value === null) { if (current) segments.push(current); current = ''; return; }
    const [x, y] = xy(i, p.value);
    current += `${current ? 'L' : 'M'}${x},${y}`;
  });
  if (current) segments.push(current);
  const every = Math.max(1, Math.ceil(points.length / 6));
  return (
    <figure className="report-chart">
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${W} ${H}`} width="100%">
        <title id={`${id}-t`}>{title}</title>
        <desc id={`${id}-d`}>{desc}</desc>
        <line x1={pad.l} y1={pad.t} x2={pad.l} y2={H - pad.b} className="report-chart-axis" />
        <line x1={pad.l} y1={H - pad.b} x2={W - pad.r} y2={H - pad.b} className="report-chart-axis" />
        <text x={pad.l - 4} y={pad.t + 4} textAnchor="end" className="report-chart-value">{formatNumber(max, 0)}</text>
        <text x={pad.l - 4} y={H - pad.b} textAnchor="end" className="report-chart-value">0</text>
        {segments.map((d) => <path key={d} d={d} className="report-chart-line" />)}
        {points.map((p, i) => p.value !== null && <circle key={p.label} cx={xy(i, p.value)[0]} cy={xy(i, p.value)[1]} r={3} className="report-chart-dot" />)}
        {points.map((p, i) => i % every === 0 && (
          <text key={`l-${p.label}`} x={pad.l + i * step} y={H - 8} textAnchor="middle" className="report-chart-value">{p.label}</text>
        ))}
      </svg>
    </figure>
  );
}
