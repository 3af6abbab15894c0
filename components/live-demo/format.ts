export { ms } from '../../demos/client/format'

/** What the browser got, in words: a redirect's status is hidden from fetch, and some browsers keep no Server Action's. */
export const statusText = (run: { status: number; redirected?: boolean }): string =>
  run.redirected ? 'a redirect' : run.status === 0 ? 'its response' : `HTTP ${run.status}`
