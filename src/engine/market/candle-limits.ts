/** The most candle rows a file may have, header or not (its own module: the parser loads lazily). */
export const MAX_CANDLE_ROWS = 100_000;
