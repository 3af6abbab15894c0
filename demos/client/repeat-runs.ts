import type { ScenarioName } from '../scenarios'
import { startDemo, type ComposedDemo } from './run-demo'
import { RunRequestError } from './run-error'
import type { StartedRun } from './run'
import { median } from './stats'

/** One response time of a repeated run: ms from request sent to last byte, on the browser's clock. */
export interface Sample {
  /** The scenario's name, or `compose` for a composed handler. */
  scenario: string
  /** The base of the version it ran on (see `RepeatOptions.bases`). */
  base: string
  /** The Next.js that answered, as its response said. */
  nextVersion?: string
  ms: number
  /** The run, for a receipt of it: its id and what the browser saw. */
  run: StartedRun
}

export interface RepeatOptions {
  signal: AbortSignal
  onSample(sample: Sample): void
  /** The server asked to wait (rate limit, or too many runs at once): the next run starts in `seconds`. */
  onWait(seconds: number): void
  /** The versions to run on, by base (a catalogue `versions` entry's): each scenario runs on each. The site's own by default. */
  bases?: readonly string[]
}

/** The most times a visitor may repeat a comparison at once. */
export const MAX_TIMES = 20

const pause = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms)
    function done() {
      signal.removeEventListener('abort', stop)
      resolve()
    }
    function stop() {
      clearTimeout(timer)
      reject(new DOMException('Aborted', 'AbortError'))
    }
    signal.addEventListener('abort', stop, { once: true })
  })

/** What Run N× repeats: a Route Handler scenario, by its name, or a composed handler. */
export type Repeated = ScenarioName | ComposedDemo

const demoOf = (repeated: Repeated) => (typeof repeated === 'string' ? { kind: 'route' as const, name: repeated } : repeated)

/**
 * Runs each Route Handler scenario (or composed handler) `times` times on each version, interleaved
 * (each round starting with the next scenario or version), one request at a time, so noise on the
 * machine falls on all of them alike. Reads response times only: the runs'
 * timelines are not followed. A 429 or 503 is waited out as its `Retry-After`
 * says, then the same run is tried again; `signal` stops it all.
 */
export async function repeatRuns(repeated: readonly Repeated[], values: Record<string, number>, times: number, options: RepeatOptions): Promise<void> {
  const targets = repeated.flatMap((one) => (options.bases ?? ['']).map((base) => ({ demo: demoOf(one), base })))
  for (let round = 0; round < times; round++) {
    for (let i = 0; i < targets.length; i++) {
      const { demo, base } = targets[(round + i) % targets.length]!
      for (;;) {
        try {
          const run = await startDemo(demo, values, { signal: options.signal, base })
          options.onSample({ scenario: demo.name, base, nextVersion: run.nextVersion, ms: run.browser.lastByte, run: { ...run, base } })
          break
        } catch (error) {
          if (!(error instanceof RunRequestError) || error.retryAfter === undefined || options.signal.aborted) throw error
          options.onWait(error.retryAfter)
          await pause(error.retryAfter * 1000, options.signal)
        }
      }
    }
  }
}

/** Each scenario's run whose response time is nearest its median: what a receipt of a repeated comparison shows. */
export function medianRuns(samples: readonly Sample[], scenarios: readonly string[]): StartedRun[] {
  return scenarios.flatMap((scenario) => {
    const own = samples.filter((sample) => sample.scenario === scenario)
    const middle = median(own.map((sample) => sample.ms))
    const nearest = own.reduce<Sample | undefined>((best, sample) => (!best || Math.abs(sample.ms - middle) < Math.abs(best.ms - middle) ? sample : best), undefined)
    return nearest ? [nearest.run] : []
  })
}
