/** The engine's rules as the "How it works" page shows them; README.md lists the same. */
export const HOW_RULES: readonly { readonly rule: string; readonly test: string }[] = [
  {
    rule: 'Spot and long-only: you sell only what you hold; no shorting, no leverage, no borrowing.',
    test: 'engine/refusals',
  },
  {
    rule: 'Prices: the simulated market has a mid price ("last"); bid and ask sit around it with five visible depth levels a side.',
    test: 'orders/fills-within-book',
  },
  {
    rule: 'A market order walks the book level by level (impact grows with size); with partial fills off it may walk up to 40 levels to fill whole.',
    test: 'orders/order-types',
  },
  {
    rule: 'A market buy is accepted only if the cash covers it at the asks it would take, fees included.',
    test: 'orders/market-buy-cash',
  },
  {
    rule: 'A resting limit fills only when the opposite best price reaches it (a buy when the best ask is at or below its price, a sell when the best bid is at or above it), at its own price, as maker, for at most what those levels show; the rest keeps resting.',
    test: 'orders/resting-limit-touch',
  },
  {
    rule: "Stops, take-profits and trailing stops trigger on the last price; a triggered one works as a market order, and what thin depth lacks fills on later ticks, never silently cancelled. A bracket's surviving exit always covers what is still held.",
    test: 'orders/thin-depth-stops, orders/bracket-limit-entry',
  },
  {
    rule: 'Fees are charged in USD on the notional rounded to the cent, half to even; maker and taker rates differ. Realized P&L and average cost exclude fees; fees are shown on their own.',
    test: 'engine/exact-money',
  },
  {
    rule: 'A trade is a round trip, from no position to a position and back to none, however many fills; its P&L includes the fees of both sides. Break-even trades are a class of their own: win rate is wins ÷ (wins + losses).',
    test: 'orders/round-trip-trades',
  },
  {
    rule: "Sharpe uses the sample standard deviation (n − 1); Sortino the downside deviation over all n returns; both are annualized by √(365 days ÷ the curve's sampling interval). Annualized figures wait for 7 days of history and 30 returns, and say so.",
    test: 'orders/ratio-conventions',
  },
  {
    rule: 'When a breaker trips, open buys are cancelled; sells and stops keep working. Deposits and withdrawals move the drawdown peak by their amount, so moving money is never a loss.',
    test: 'risk/breakers-halt-resting-buys',
  },
  {
    rule: 'Refusals quote the exact figure that was over its limit when cents would hide the difference.',
    test: 'risk/refusal-figures',
  },
  {
    rule: 'A session resumed from a snapshot continues exactly as the live one would, scenarios included.',
    test: 'engine/exact-resume',
  },
];
