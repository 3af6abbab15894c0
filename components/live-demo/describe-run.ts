import { EVENTS, LANES, SERVER_LANES, type Lane } from '../../demos/engine/timeline'
import { bars, effectAfterResponse, missingLanes, sideEffectEnds, type AlignedRun } from '../../demos/client'
import { ms, statusText } from './format'

const sinceResponse = (delta: number) => (delta >= 0 ? `${ms(delta)} after the response` : `${ms(-delta)} before the response`)

/**
 * A run in one sentence, for the demo's live region: what the browser got
 * and when, then when the last side effect ended relative to that, with the
 * alignment's error margin. Every side effect that failed is named with its
 * error: the chart can only colour it red. `lanes` are the callbacks the
 * scenario expects; any that recorded nothing is named as never run.
 */
export function describeRun(aligned: AlignedRun, title: string, lanes?: readonly Lane[]): string {
  const { run } = aligned
  const got = statusText(run)
  const response = run.browser.stopped
    ? `you stopped the response (${got}) after ${ms(run.browser.lastByte)}`
    : run.status === 200 && !run.redirected
      ? `the browser had the whole response after ${ms(run.browser.lastByte)}`
      : `the browser had ${got} after ${ms(run.browser.lastByte)}`
  const never = missingLanes(aligned, lanes).map((lane) => ` ${lane} never ran.`).join('') + frozenWords(aligned)
  const effect = effectAfterResponse(aligned)
  if (effect === undefined) return `${title}: ${response}.${never}`
  const ends = sideEffectEnds(aligned)
  const what = ends.length > 1 ? `the last of ${ends.length} side effects` : 'the side effect'
  const verb = ends[ends.length - 1]!.outcome === 'error' ? 'failed' : 'finished'
  const when = effect >= 0 ? `${what} ${verb} ${ms(effect)} after that` : `${what} had ${verb} ${ms(-effect)} before that`
  const failed = ends.filter((end) => end.outcome === 'error')
  // One side effect: the sentence already says it failed, and only needs why.
  const why = ends.length === 1 && failed[0]?.detail ? `: ${failed[0].detail}` : ''
  const failures = ends.length === 1 ? '' : failed.map((end) => ` ${end.lane} failed ${sinceResponse(end.at - run.browser.lastByte)}${end.detail ? `: ${end.detail}` : ''}.`).join('')
  return `${title}: ${response}; ${when} (± ${ms(aligned.margin)})${why}.${failures}${never}`
}

/** What an (emulated) platform's freeze did to the run: when it came, and what it cut. */
function frozenWords(aligned: AlignedRun): string {
  const frozen = aligned.events.find((event) => event.type === EVENTS.instanceFrozen)
  if (!frozen) return ''
  const { lastByte } = aligned.run.browser
  const cut = bars(aligned)
    .filter((bar) => bar.cut)
    .map((bar) => ` ${bar.lane === LANES.sideEffect ? 'The side effect' : bar.lane} was cut by it, ${ms(bar.to - bar.from)} after it started: it never finished.`)
  return ` The instance was frozen ${sinceResponse(frozen.at - lastByte)}.${cut.join('')}`
}

/**
 * A run still going, in the words known so far: written again as each fact
 * arrives (request sent, response complete, a side effect started or ended),
 * until the run ends and `describeRun` says it all.
 */
export function describeProgress(aligned: AlignedRun | undefined, title: string): string {
  if (!aligned) return `${title}: request sent, waiting for the response…`
  const { browser } = aligned.run
  const response = browser.stopped ? `you stopped the response at ${ms(browser.lastByte)}` : `response complete at ${ms(browser.lastByte)}`
  if (aligned.events.length === 0) return `${title}: ${response}; reading the server's timeline…`
  const running = bars(aligned, browser.lastByte).filter((bar) => bar.running && !SERVER_LANES.has(bar.lane))
  if (running.length > 0) {
    const names = running.map((bar) => (bar.lane === LANES.sideEffect ? 'side effect' : bar.lane)).join(' and ')
    return `${title}: ${response}; ${names} still running…`
  }
  const effect = effectAfterResponse(aligned)
  if (effect === undefined) return `${title}: ${response}; waiting for the run to end…`
  return `${title}: ${response}; the side effect ended ${sinceResponse(effect)}; waiting for the run to end…`
}
