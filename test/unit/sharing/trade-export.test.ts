import { describe, expect, it } from 'vitest';
import { collectFills, FILLS_CSV_HEADER, fillsCsv } from '../../../src/engine/trade-export.ts';
import { AT_LAST, START, buy, deposit, sell } from '../../support/sessions.ts';

describe('the trades CSV', () => {
  const fills = collectFills('csv', AT_LAST, [
    { at: START, command: deposit('50000') },
    { at: START, command: buy('0.25') },
    { at: START, command: sell('0.125') },
  ]);

  it('keeps its columns stable', () => {
    expect(FILLS_CSV_HEADER).toBe(
      'time,order,side,symbol,quantity,price,notional,fee,liquidity,slippage,realized_pnl',
    );
  });

  it('writes one line per fill with ISO times and exact money', () => {
    expect(fillsCsv(fills)).toBe(
      [
        FILLS_CSV_HEADER,
        '2026-01-01T00:00:00.000Z,#2,buy,BTC,0.25,49973.07,12493.27,12.49,taker,0,0',
        '2026-01-01T00:00:00.000Z,#3,sell,BTC,0.125,49973.07,6246.63,6.25,taker,0,-0.01',
        '',
      ].join('\n'),
    );
  });
});
