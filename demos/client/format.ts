// One formatter for every figure: toLocaleString builds a new one per call, too slow for a chart drawn every frame.
const whole = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** Milliseconds for reading: whole numbers, thousands separated. */
export const ms = (value: number): string => `${whole.format(Math.round(value))} ms`
