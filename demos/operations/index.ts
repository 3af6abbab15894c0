/**
 * The demo operations: the calls a demo's own code makes (`updateDatabase`,
 * `logUserAction`, `sendReceipt`, …), named as a reader would name them in
 * their own app, each recording itself on the run's timeline.
 */
export { behaviourOperations, SimulatedFailure, type BehaviourOperations } from './behaviour'
export { demoOperations, type DemoOperations, type DemoParams } from './rule'
export { readStock, sellOne } from './stock'
