// One formatter for every figure: toLocaleString builds a new one per call, too slow for a chart drawn every frame.
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Milliseconds for reading: whole numbers, thousands separated. */
export const ms = (value: number): string => `${whole.format(Math.round(value))} ms`

/** What the browser got, in words: a redirect's status is hidden from fetch. */
export const statusText = (run: { status: number; redirected?: boolean }): string =>
  run.redirected ? 'a redirect' : `HTTP ${run.status}`
