/** Milliseconds for reading: whole numbers, thousands separated. */
export const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`
