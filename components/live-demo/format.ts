export { ms } from '../../demos/client/format'

/** What the browser got, in words: a redirect's status is hidden from fetch. */
export const statusText = (run: { status: number; redirected?: boolean }): string =>
  run.redirected ? 'a redirect' : `HTTP ${run.status}`
