/**
 * Admission: what a demo request must be to start a run, and the limits of
 * the server that runs it. Every surface admits its runs through `admit`;
 * everything that answers HTTP answers its refusals through `withErrorResponse`.
 */
export { admit, admitLater, checkRunRequest, httpRunRequest, startAdmitted, startRun, type Admission, type RunRequest } from './admit'
export { loadConfig, type DemoConfig } from './config'
export { withErrorResponse } from './error-boundary'
export {
  asDemoError,
  busy,
  caughtErrorResponse,
  DemoError,
  errorBody,
  errorResponse,
  invalidParameter,
  methodNotAllowed,
  notFound,
  type ErrorBody,
} from './errors'
export { Gauge, RateLimiter } from './limits'
export { parseParams } from './params'
export { MAX_QUERY_LENGTH, parseRequest, readQuery, readQueryString } from './request-shape'
export { serverState, type ServerState } from './server-state'
