import { effectKind, LANES, simulate, type RunRecorder } from '../engine'
import { chunkedStream, failAfter } from '../operations'
import type { Runtime } from './steps'
import { SIDE_EFFECTS, type EffectStep } from './types'

/**
 * The calls of a composed handler, recorded on `recorder`'s run: the critical
 * work on the Handler lane, each side effect in a lane named after its
 * function, the stream on the Stream lane. The site's interpreter and the
 * generated handlers in the equivalence test's fixture both record through these.
 */
export function composedOperations(recorder: RunRecorder): Omit<Runtime, 'after' | 'redirect'> {
  return {
    work: (ms) =>
      recorder.task({ lane: LANES.handler, type: 'work', started: 'Critical work started', finished: 'Critical work done' }, () => simulate(ms)),
    effect(step: EffectStep) {
      const lane = SIDE_EFFECTS[step.name].call
      return recorder.task({ lane, type: effectKind(lane), started: `${lane} started`, finished: `${lane} finished` }, () =>
        step.fails ? failAfter(step.ms, `${SIDE_EFFECTS[step.name].label} failed`) : simulate(step.ms),
      )
    },
    stream: (chunks) => chunkedStream(recorder, chunks),
  }
}
