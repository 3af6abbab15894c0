/**
 * A serverless platform, emulated on this server: the comparison's routes run
 * as invocations of a separate instance that is frozen once each invocation's
 * response and `waitUntil` work are over (`supervisor.ts`, `instance.mjs`).
 */
export { SERVERLESS_SCENARIOS, serverlessResponse, serverlessRoute, warmResponse } from './invocation'
export { supervisor, Supervisor } from './supervisor'
