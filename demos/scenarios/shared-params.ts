import type { ParamSpec } from './types'

/** Milliseconds of critical work: the part of the handler the response depends on. */
export const WORK: ParamSpec = { label: 'Critical work', min: 0, max: 2000, default: 50 }
/** Milliseconds the simulated side effect (an audit-log write) takes. */
export const EFFECT: ParamSpec = { label: 'Side effect', min: 0, max: 10_000, default: 1000 }
