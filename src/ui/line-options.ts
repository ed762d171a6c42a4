import type { ChartOptions } from 'chart.js';

/** Axis labels in the page's muted text colour; legend labels in its text colour. */
const AXIS = '#a3b1c6';
const TEXT = '#e2e8f0';

/**
 * The options every x–y line chart of the app shares: points given as {x, y} (no parsing, no
 * animation), a linear x axis labelled by `xTick`, values shown by `yTick` on the axis and in
 * the tooltip. `range` is the y range to show at least; `decimate` thins long series to what
 * the chart has pixels for.
 */
export function lineChartOptions(o: {
  xTick: (x: number) => string;
  xTicks: number;
  yTick: (y: number) => string;
  yTicks?: number;
  legend: boolean;
  range?: readonly [number, number] | undefined;
  decimate?: boolean;
}): ChartOptions<'line'> {
  return {
    animation: false,
    maintainAspectRatio: false,
    parsing: false,
    normalized: true,
    scales: {
      x: {
        type: 'linear',
        ticks: { callback: (v) => o.xTick(Number(v)), maxTicksLimit: o.xTicks, color: AXIS },
      },
      y: {
        suggestedMin: o.range?.[0],
        suggestedMax: o.range?.[1],
        ticks: {
          callback: (v) => o.yTick(Number(v)),
          ...(o.yTicks ? { maxTicksLimit: o.yTicks } : {}),
          color: AXIS,
        },
      },
    },
    plugins: {
      ...(o.decimate ? { decimation: { enabled: true, algorithm: 'lttb', samples: 120 } } : {}),
      legend: {
        display: o.legend,
        // In the order given, whatever order the lines are drawn in.
        labels: { color: TEXT, boxWidth: 12, sort: (a, b) => a.datasetIndex! - b.datasetIndex! },
      },
      tooltip: {
        callbacks: { label: (item) => `${item.dataset.label}: ${o.yTick(item.parsed.y ?? 0)}` },
      },
    },
  };
}
