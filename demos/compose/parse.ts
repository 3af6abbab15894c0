import { CALL_STYLES, LIMITS, SIDE_EFFECTS, type CallStyle, type EffectName, type Step } from './types'

/** What is wrong with a composition: the step at fault (1-based, and its text, when one is), and what is allowed there. */
export interface CompositionError {
  position?: number
  text?: string
  message: string
  allowed: string
}

export type Parsed = { steps: Step[] } | { error: CompositionError }

const NAMES = Object.keys(SIDE_EFFECTS) as EffectName[]

/** Every step form, as the catalogue and the errors state it. */
export const STEP_SYNTAX = [
  'work:<ms>',
  `<${CALL_STYLES.slice(0, 3).join('|')}>:<name>:<ms>[:fails]`,
  `<nested|nested-first>:<name>:<ms>[:fails] (right below an after step)`,
  'throw',
  'redirect',
  `stream:<chunks> (last)`,
] as const

/** The longest composition text accepted: far more than nine steps need, far less than anything worth echoing. */
export const MAX_TEXT = 200

const WHOLE = /^\d{1,6}$/

class StepError extends Error {
  constructor(
    message: string,
    readonly allowed: string,
  ) {
    super(message)
  }
}

function number(raw: string | undefined, what: string, max: number): number {
  const value = raw !== undefined && WHOLE.test(raw) ? Number(raw) : NaN
  if (!(value <= max)) throw new StepError(`${what} must be a whole number from 0 to ${max}, not "${raw ?? ''}".`, `0-${max}`)
  return value
}

/** One step from its text, checked on its own. */
function parseStep(text: string): Step {
  const [head = '', ...rest] = text.split(':')
  if (head === 'work') {
    if (rest.length !== 1) throw new StepError('Critical work is written work:<ms>.', 'work:<ms>')
    return { kind: 'work', ms: number(rest[0], 'Its duration', LIMITS.stepMs) }
  }
  if (head === 'throw' || head === 'redirect') {
    if (rest.length) throw new StepError(`"${head}" takes no arguments.`, head)
    return { kind: head }
  }
  if (head === 'stream') {
    const chunks = number(rest[0], 'The number of chunks', LIMITS.chunks)
    if (rest.length !== 1 || chunks < 1) throw new StepError(`A stream is written stream:<chunks>, 1 to ${LIMITS.chunks} chunks.`, `stream:1-${LIMITS.chunks}`)
    return { kind: 'stream', chunks }
  }
  if (!(CALL_STYLES as readonly string[]).includes(head)) {
    throw new StepError(`Unknown step "${head.slice(0, 20)}".`, STEP_SYNTAX.join(', '))
  }
  const [name = '', ms, flag, ...extra] = rest
  if (!(NAMES as string[]).includes(name)) throw new StepError(`Unknown side effect "${name.slice(0, 20)}".`, NAMES.join(', '))
  if ((flag !== undefined && flag !== 'fails') || extra.length) throw new StepError('A side effect ends with its duration, or with ":fails".', `${head}:${name}:<ms>[:fails]`)
  return { kind: 'effect', style: head as CallStyle, name: name as EffectName, ms: number(ms, 'Its duration', LIMITS.stepMs), fails: flag === 'fails' }
}

const isNested = (step: Step): boolean => step.kind === 'effect' && step.style.startsWith('nested')

/** Checks a step against the ones before it. */
function checkPlace(step: Step, before: readonly Step[]): void {
  const previous = before.at(-1)
  if (before.some((earlier) => earlier.kind === 'stream')) throw new StepError('The stream is the response: it comes last.', 'stream:<chunks> as the last step')
  if (step.kind === 'work' && before.some((earlier) => earlier.kind === 'work')) throw new StepError('Critical work is given once.', 'one work step')
  if ((step.kind === 'throw' || step.kind === 'redirect') && before.some((earlier) => earlier.kind === 'throw' || earlier.kind === 'redirect')) {
    throw new StepError('The handler throws or redirects once.', 'one throw or redirect step')
  }
  if (step.kind !== 'effect') return
  if (before.filter((earlier) => earlier.kind === 'effect').length >= LIMITS.sideEffects) {
    throw new StepError(`More than ${LIMITS.sideEffects} side effects.`, `at most ${LIMITS.sideEffects} side effects`)
  }
  if (before.some((earlier) => earlier.kind === 'effect' && earlier.name === step.name)) throw new StepError(`"${step.name}" is called twice.`, 'each side effect once')
  if (isNested(step) && !(previous?.kind === 'effect' && previous.style === 'after')) {
    throw new StepError('A nested after() goes right below the after step it is nested in.', 'an after step just above it')
  }
}

/** Every duration the composition asks for, added up: the time its callbacks could keep the server busy. */
export const totalMs = (steps: readonly Step[]): number =>
  steps.reduce((sum, step) => sum + (step.kind === 'work' || step.kind === 'effect' ? step.ms : step.kind === 'stream' ? step.chunks * LIMITS.chunkMs : 0), 0)

/**
 * Reads a composition (`work:50,after:audit-log:800,await:email:200`), one
 * step at a time, and checks every bound before anything runs. The first
 * step at fault is named, by its position and its text.
 */
export function parseComposition(text: string): Parsed {
  if (text.length > MAX_TEXT) return { error: { message: `The composition is ${text.length} characters long.`, allowed: `at most ${MAX_TEXT} characters` } }
  if (text === '') return { error: { message: 'The composition has no steps.', allowed: STEP_SYNTAX.join(', ') } }
  const steps: Step[] = []
  for (const [index, part] of text.split(',').entries()) {
    try {
      const step = parseStep(part)
      checkPlace(step, steps)
      steps.push(step)
    } catch (error) {
      if (!(error instanceof StepError)) throw error
      return { error: { position: index + 1, text: part.slice(0, 40), message: error.message, allowed: error.allowed } }
    }
  }
  if (totalMs(steps) > LIMITS.totalMs) {
    return { error: { message: `The steps add up to ${totalMs(steps)} ms.`, allowed: `at most ${LIMITS.totalMs} ms in all (a stream counts ${LIMITS.chunkMs} ms a chunk)` } }
  }
  return { steps }
}

/** A composition as text, the inverse of `parseComposition`. */
export function formatComposition(steps: readonly Step[]): string {
  return steps
    .map((step) => {
      switch (step.kind) {
        case 'work':
          return `work:${step.ms}`
        case 'effect':
          return `${step.style}:${step.name}:${step.ms}${step.fails ? ':fails' : ''}`
        case 'stream':
          return `stream:${step.chunks}`
        default:
          return step.kind
      }
    })
    .join(',')
}

/** The message a visitor reads: the step at fault and what was wrong with it. */
export const describeError = (error: CompositionError): string =>
  error.position === undefined ? error.message : `Step ${error.position} ("${error.text}"): ${error.message}`
