import { REDIRECT_TO, SIDE_EFFECTS, STREAM_CALL, THROWN_MESSAGE, WORK_CALL, type EffectStep, type Step } from './types'

/**
 * What a composed handler's steps run on: Next.js's `after()` and
 * `redirect()`, passed in so this module runs without Next.js, and the calls
 * the shown code makes (`updateDatabase()`, `sendEmail()`, `streamReport()`),
 * each recording itself on the run's timeline.
 */
export interface Runtime {
  after(callback: () => unknown): void
  redirect(url: string): never
  work(ms: number): Promise<void>
  effect(step: EffectStep): Promise<void>
  stream(chunks: number): ReadableStream<Uint8Array>
}

/**
 * One step as the handler has it: a step of the composition, with the
 * `after()` nested in it when it is an `after` step with one; or the JSON
 * response a handler without a stream ends with.
 */
export interface HandlerStep {
  step: Step | { kind: 'json' }
  nested?: EffectStep
}

type Kind = HandlerStep['step']['kind']
type StepOf<K extends Kind> = Extract<HandlerStep['step'], { kind: K }>

/**
 * The one definition of a step kind: the lines of code it shows, and what it
 * does. `run` answers a Response when the step ends the handler.
 */
interface Definition<K extends Kind> {
  code(step: StepOf<K>, nested?: EffectStep): string[]
  run(step: StepOf<K>, runtime: Runtime, nested?: EffectStep): Promise<Response | undefined> | Response | undefined
}

const callOf = (step: EffectStep): string => SIDE_EFFECTS[step.name].call
const lasting = (step: EffectStep): string => `// ${step.ms} ms${step.fails ? ', then rejects' : ''}`

/** The `after()` nested in an `after` step's callback, before or after its own call. */
function nestedCode(step: EffectStep, nested: EffectStep): string[] {
  const inner = `  after(() => ${callOf(nested)}()) ${lasting(nested)}`
  const own = `  await ${callOf(step)}() ${lasting(step)}`
  return ['after(async () => {', ...(nested.style === 'nested-first' ? [inner, own] : [own, inner]), '})']
}

async function runNested(step: EffectStep, nested: EffectStep, runtime: Runtime): Promise<void> {
  const inner = () => runtime.after(() => runtime.effect(nested))
  if (nested.style === 'nested-first') inner()
  await runtime.effect(step)
  if (nested.style === 'nested') inner()
}

const definitions: { [K in Kind]: Definition<K> } = {
  work: {
    code: (step) => [`await ${WORK_CALL}() // ${step.ms} ms`],
    run: async (step, runtime) => void (await runtime.work(step.ms)),
  },
  effect: {
    code(step, nested) {
      if (nested) return nestedCode(step, nested)
      const call = `${callOf(step)}()`
      const text = step.style === 'await' ? `await ${call}` : step.style === 'void' ? `void ${call}` : `after(() => ${call})`
      return [`${text} ${lasting(step)}`]
    },
    async run(step, runtime, nested) {
      if (nested) runtime.after(() => runNested(step, nested, runtime))
      else if (step.style === 'await') await runtime.effect(step)
      else if (step.style === 'void') void runtime.effect(step)
      else runtime.after(() => runtime.effect(step))
      return undefined
    },
  },
  throw: {
    code: () => [`throw new Error('${THROWN_MESSAGE}')`],
    run() {
      throw new Error(THROWN_MESSAGE)
    },
  },
  redirect: {
    code: () => [`redirect('${REDIRECT_TO}')`],
    run: (_, runtime) => runtime.redirect(REDIRECT_TO),
  },
  stream: {
    code: (step) => [`return new Response(${STREAM_CALL}()) // ${step.chunks} chunks`],
    run: (step, runtime) => new Response(runtime.stream(step.chunks)),
  },
  json: {
    code: () => ['return Response.json({ ok: true })'],
    run: () => Response.json({ ok: true }),
  },
}

/** The composition as the handler runs it: each nested step inside the `after` step above it, and the JSON response last unless the handler streams. */
export function handlerSteps(steps: readonly Step[]): HandlerStep[] {
  const result: HandlerStep[] = []
  for (const step of steps) {
    const parent = result.at(-1)
    if (step.kind === 'effect' && step.style.startsWith('nested') && parent) parent.nested = step
    else result.push({ step })
  }
  if (!steps.some((step) => step.kind === 'stream')) result.push({ step: { kind: 'json' } })
  return result
}

// One cast for the table lookup: TypeScript cannot tie a step's kind to its definition's parameter across the union.
const definitionOf = (step: HandlerStep['step']) => definitions[step.kind] as Definition<Kind>

export const stepCode = ({ step, nested }: HandlerStep): string[] => definitionOf(step).code(step as never, nested)

export const runStep = ({ step, nested }: HandlerStep, runtime: Runtime) => definitionOf(step).run(step as never, runtime, nested)
