/**
 * The engine: what a run is and how it is recorded, kept and followed, with
 * no knowledge of HTTP or Next.js. Every other layer builds on it.
 */
export * from './timeline'
export { monotonic, type Clock } from './clock'
export { simulate } from './simulate'
export { processWide } from './process-wide'
export { RUN_ID_PATTERN, RUN_REF_PATTERN, StoreUnavailableError, type Backend, type EventFeed, type Params, type RunRecord, type RunStore, type Unsubscribe } from './run-backend'
export { memoryBackend, MemoryEventFeed, MemoryRunStore, type MemoryBackendOptions } from './memory-backend'
export { redisBackend, RedisRunStore, type RedisBackendOptions } from './redis-backend'
export { RedisEventFeed } from './redis-feed'
export { Connection } from './redis-connection'
export { RELAY_ENV, relayBackend, relaysRuns, type InstanceMessage, type RelayCall, type SiteMessage } from './relay-backend'
export { Run, Runs } from './runs'
export { recordersEnded, RunRecorder, type RecorderOptions, type TaskLabels } from './recorder'
export { runEventStream, SSE_HEADERS, type EventStreamOptions } from './sse'
