/**
 * The HTTP endpoints besides the demos themselves: the catalogue, health,
 * run lookup and event streams, the demo cookie, the static pages' record,
 * and the answers for wrong methods and unknown paths. Each is a plain
 * function of a Request, behind the one error boundary (`withErrorResponse`).
 */
export { formBodyResponse, methodNotAllowedResponse, pageMethodNotAllowedResponse, pagesApiBodyResponse } from './allowed-methods'
export { actionRequestResponse } from './action-request'
export { catalogueResponse } from './catalogue'
export { DEMO_COOKIE, demoCookieResponse } from './demo-cookie'
export { healthResponse } from './health'
export { unknownApiResponse, unknownScenarioResponse } from './not-found'
export { runEventsResponse, runEventsRoute } from './run-events'
export { runLookupResponse } from './run-lookup'
export { staticRecordResponse } from './static-record'
export { MAX_USER_AGENT_LENGTH, userAgentResponse } from './user-agent'
