import type { ParamSpecs } from '../engine/params'

export interface Scenario {
  title: string
  summary: string
  /** The file the page shows as this scenario's listing. */
  source: string
  params: ParamSpecs
  /**
   * Lanes the scenario's code could draw. The chart shows each one even when
   * it stays empty, so a callback that never ran is visible by its absence.
   */
  lanes?: readonly string[]
  /** The status the scenario answers by design when its input is valid; 200 unless it is built to fail. */
  status?: number
}
