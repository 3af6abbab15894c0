/** Milliseconds for reading: whole numbers, thousands separated. */
export const ms = (value: number): string => `${Math.round(value).toLocaleString('en-US')} ms`

/** What the browser got, in words: a redirect's status is hidden from fetch. */
export const statusText = (run: { status: number; redirected?: boolean }): string =>
  run.redirected ? 'a redirect' : `HTTP ${run.status}`
