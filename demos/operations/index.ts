/**
 * The demo operations: the calls a demo's own code makes (`updateDatabase`,
 * `logUserAction`, `sendReceipt`, …), named as a reader would name them in
 * their own app, each recording itself on the run's timeline.
 */
export { behaviourOperations, failAfter, SimulatedFailure, type BehaviourOperations } from './behaviour'
export { readRuns, recordCallbackRun, type CallbackRun, type PageRecord, type RecordedPage } from './callback-record'
export { chunkedStream } from './chunked-stream'
export { demoOperations, type DemoOperations, type DemoParams } from './rule'
export { readStock, sellOne } from './stock'
