import type { ParamSpecs } from '../engine/params'

export interface Scenario {
  title: string
  summary: string
  /** The file the page shows as this scenario's listing. */
  source: string
  params: ParamSpecs
}
