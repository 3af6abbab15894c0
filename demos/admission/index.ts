/**
 * Admission: what a demo request must be to start a run, and the limits of
 * the server that runs it. Every surface admits its runs through `admit`;
 * everything that answers HTTP answers its refusals through `withErrorResponse`.
 */
export { admit, admitChecked, admitLater, checkRunRequest, httpRunRequest, startAdmitted, startRun, type Admission, type RunRequest } from './admit'
export { addressedHost, clientKey } from './client-key'
export { loadConfig, type DemoConfig } from './config'
export { withErrorResponse } from './error-boundary'
export {
  asDemoError,
  busy,
  caughtErrorResponse,
  DemoError,
  errorBody,
  errorResponse,
  headerTooLarge,
  invalidParameter,
  methodNotAllowed,
  notFound,
  payloadTooLarge,
  type ErrorBody,
} from './errors'
export { memoryLimits, redisLimits, type Limits } from './limit-backends'
export { MemoryClientShare, MemoryGauge, MemoryRateLimiter, type ClientShare, type Gauge, type RateLimiter, type Release } from './limits'
export { RedisClientShare, RedisGauge, RedisRateLimiter, RedisRunHistory, RedisRunShare, type RedisPlace } from './redis-limits'
export { MemoryRunHistory, type RunHistory } from './run-history'
export { MemoryRunShare, type RunClaim, type RunShare } from './run-share'
export { parseParams } from './params'
export { carriesBody, MAX_QUERY_LENGTH, parseRequest, readQuery, readQueryString } from './request-shape'
export { createServerState, serverState, type ServerState } from './server-state'
