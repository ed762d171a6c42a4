/** Counts values into `bins` equal bins between their minimum and maximum, for every series. */
export function histogram(
  series: readonly (readonly number[])[],
  bins: number,
  format: (value: number) => string,
): { labels: string[]; counts: number[][] } {
  const all = series.flat();
  if (all.length === 0) return { labels: [], counts: series.map(() => []) };
  const low = Math.min(...all);
  const high = Math.max(...all);
  const width = (high - low) / bins || 1;
  const labels = Array.from({ length: bins }, (_, i) => format(low + (i + 0.5) * width));
  const counts = series.map((values) => {
    const count = new Array<number>(bins).fill(0);
    for (const v of values) count[Math.min(bins - 1, Math.floor((v - low) / width))]!++;
    return count;
  });
  return { labels, counts };
}
