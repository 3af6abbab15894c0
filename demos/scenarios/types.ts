import type { Lane } from '../engine/timeline'

/** A whole number of milliseconds that the visitor may set. */
export interface ParamSpec {
  label: string
  min: number
  max: number
  default: number
}

export type ParamSpecs = Readonly<Record<string, ParamSpec>>

export type ParamValues<S extends ParamSpecs> = { readonly [K in keyof S]: number }

export const describeRange = (spec: ParamSpec): string =>
  `a whole number of milliseconds from ${spec.min} to ${spec.max}`

/** The declaration of one demo: what the site says about it and what a visitor may set. */
export interface Scenario {
  title: string
  summary: string
  /** The demo's source: the file the page shows as its listing. */
  source: string
  params: ParamSpecs
  /**
   * Lanes the demo's code could draw. The chart shows each one even when
   * it stays empty, so a callback that never ran is visible by its absence.
   */
  lanes?: readonly Lane[]
  /** The status the demo answers by design when its input is valid; 200 unless it is built to fail. */
  status?: number
}
