import type { StatsState } from '../../src/engine/analytics/stats.ts';

/** The trading totals of an account that has not traded. */
export const NO_TRADES: StatsState = {
  volume: '0',
  fees: '0',
  slippage: '0',
  wins: 0,
  losses: 0,
  breakEven: 0,
  grossProfit: '0',
  grossLoss: '0',
  openTrips: {},
  perAsset: {},
};
