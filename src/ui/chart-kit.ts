import * as chartjs from 'chart.js';

// Every part any chart of the app uses, registered once: this module loads on the first chart
// drawn (see lazy-chart.svelte.ts), not with the first page's script.
chartjs.Chart.register(
  chartjs.ArcElement,
  chartjs.BarController,
  chartjs.BarElement,
  chartjs.CategoryScale,
  chartjs.Decimation,
  chartjs.DoughnutController,
  chartjs.Filler,
  chartjs.Legend,
  chartjs.LineController,
  chartjs.LineElement,
  chartjs.LinearScale,
  chartjs.PointElement,
  chartjs.Tooltip,
);

export const Chart = chartjs.Chart;
