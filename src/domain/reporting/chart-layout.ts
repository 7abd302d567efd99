// Where each mark of a chart goes, worked out apart from drawing, so it can be tested. Charts are
// SVG drawn on the server (src/components/charts/), so they show with JavaScript off; a hidden
// (small) value gets no bar, and the table beside each chart gives every figure in words.
import { niceScale } from './chart-scale.ts';

export interface ColumnChartLayout {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  bars: Array<{ x: number; y: number; width: number; height: number; value: number | null; label: string }>;
  ticks: Array<{ y: number; value: number }>;
  /** Labels under the axis, every few bars so they never overlap. */
  xLabels: Array<{ x: number; text: string }>;
  lines: Array<{ y: number; label: string; kind: 'target' | 'baseline' }>;
}

export function columnChart(
  values: ReadonlyArray<{ label: string; short: string; value: number | null }>,
  lines: ReadonlyArray<{ value: number; label: string; kind: 'target' | 'baseline' }> = [],
  size = { width: 360, height: 220 },
): ColumnChartLayout {
  const plot = { left: 36, top: 12, right: size.width - 8, bottom: size.height - 28 };
  const largest = Math.max(0, ...values.map((v) => v.value ?? 0), ...lines.map((l) => l.value));
  const scale = niceScale(largest);
  const y = (v: number) => plot.bottom - (v / scale.max) * (plot.bottom - plot.top);
  const step = (plot.right - plot.left) / Math.max(1, values.length);
  const labelEvery = Math.max(1, Math.ceil(values.length / 5));
  return {
    width: size.width,
    height: size.height,
    plot,
    bars: values.map((v, i) => ({
      x: plot.left + i * step + step * 0.1,
      y: v.value === null ? plot.bottom : y(v.value),
      width: step * 0.8,
      height: v.value === null ? 0 : plot.bottom - y(v.value),
      value: v.value,
      label: v.label,
    })),
    ticks: scale.ticks.map((t) => ({ y: y(t), value: t })),
    xLabels: values.flatMap((v, i) => (i % labelEvery === 0 ? [{ x: plot.left + i * step + step / 2, text: v.short }] : [])),
    lines: lines.map((l) => ({ y: y(l.value), label: l.label, kind: l.kind })),
  };
}

export interface BarListLayout {
  width: number;
  height: number;
  rows: Array<{ label: string; labelY: number; barY: number; barWidth: number; value: number | null; text: string; textX: number }>;
}

/** Horizontal bars, each under its own label (so long labels fit a phone's width). */
export function barList(values: ReadonlyArray<{ label: string; value: number | null; text: string }>, width = 360): BarListLayout {
  const rowHeight = 44;
  const largest = Math.max(1, ...values.map((v) => v.value ?? 0));
  const room = width - 64;
  return {
    width,
    height: values.length * rowHeight + 4,
    rows: values.map((v, i) => {
      const barWidth = v.value === null ? 0 : Math.max(v.value > 0 ? 2 : 0, (v.value / largest) * room);
      return {
        label: v.label,
        labelY: i * rowHeight + 15,
        barY: i * rowHeight + 21,
        barWidth,
        value: v.value,
        text: v.text,
        textX: barWidth + 6,
      };
    }),
  };
}
