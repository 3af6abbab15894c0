/**
 * The playground's composed Route Handlers: a composition's syntax and bounds
 * (`types`, `parse`), one definition per step kind of both the code it shows
 * and what it does (`steps`), the code generator and the interpreter built on
 * it, and the recorded calls the steps make (`operations`). The browser
 * imports `types`, `parse` and `codegen` directly: `operations` needs the engine.
 */
export { generateHandler, SERVICES_MODULE } from './codegen'
export { interpret } from './interpret'
export { composedOperations } from './operations'
export { describeError, formatComposition, MAX_TEXT, parseComposition, STEP_SYNTAX, totalMs, type CompositionError, type Parsed } from './parse'
export { compositionEvent, recordedComposition } from './recorded'
export { handlerSteps, type HandlerStep, type Runtime } from './steps'
export * from './types'
