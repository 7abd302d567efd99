// The numbers behind a chart's axis: a round top value and evenly spaced ticks that people read
// easily (1, 2 or 5 times a power of ten).

export interface Scale {
  max: number;
  ticks: number[];
}

export function niceScale(largest: number, tickCount = 4): Scale {
  if (!(largest > 0)) return { max: 1, ticks: [0, 1] };
  const rough = largest / tickCount;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough)!;
  const max = Math.ceil(largest / step) * step;
  const ticks: number[] = [];
  for (let t = 0; t <= max + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { max, ticks };
}
