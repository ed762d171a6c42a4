import { describe, expect, it } from 'vitest';
import { syncPoints } from '../../../src/ui/chart-series.ts';

interface Row {
  time: number;
  close: number;
}
type Point = { x: number; y: number };
const point = (r: Row): Point => ({ x: r.time, y: r.close });
const rows = (...pairs: [number, number][]): Row[] =>
  pairs.map(([time, close]) => ({ time, close }));

describe('a chart brought up to date', () => {
  it('keeps the closed points, rewrites the forming one and appends the new one', () => {
    const points = rows([0, 10], [60, 11], [120, 12]).map(point);
    const closed = points[1];
    syncPoints(points, rows([0, 10], [60, 11], [120, 13], [180, 14]), point);
    expect(points).toEqual([
      { x: 0, y: 10 },
      { x: 60, y: 11 },
      { x: 120, y: 13 },
      { x: 180, y: 14 },
    ]);
    // The same object: nothing before the forming point was rebuilt.
    expect(points[1]).toBe(closed);
  });

  it('drops points that slid out of the window at the front', () => {
    const points = rows([0, 10], [60, 11], [120, 12]).map(point);
    syncPoints(points, rows([60, 11], [120, 12], [180, 15]), point);
    expect(points.map((p) => p.x)).toEqual([60, 120, 180]);
  });

  it('rebuilds for another series (another asset or interval)', () => {
    const points = rows([0, 10], [60, 11], [120, 12]).map(point);
    syncPoints(points, rows([0, 5], [300, 6]), point);
    expect(points).toEqual([
      { x: 0, y: 5 },
      { x: 300, y: 6 },
    ]);
    syncPoints(points, [], point);
    expect(points).toEqual([]);
  });

  it('rebuilds when a kept point no longer matches its row', () => {
    const points = rows([0, 10], [60, 11], [120, 12]).map(point);
    syncPoints(points, rows([0, 10], [60, 99], [120, 12]), point, (p, r) => p.y === r.close);
    expect(points.map((p) => p.y)).toEqual([10, 99, 12]);
  });

  it('places evenly spaced values by their index, and rebuilds when the spacing doubles', () => {
    const points: Point[] = [];
    const at = (step: number) => (y: number, i: number) => ({ x: i * step, y });
    syncPoints(points, [1, 2, 3], at(60));
    expect(points).toEqual([
      { x: 0, y: 1 },
      { x: 60, y: 2 },
      { x: 120, y: 3 },
    ]);
    syncPoints(points, [1, 3], at(120));
    expect(points).toEqual([
      { x: 0, y: 1 },
      { x: 120, y: 3 },
    ]);
  });
});
