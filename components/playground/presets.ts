import type { EffectName, EffectStep, Step } from '../../demos/compose/types'
import { DEFAULT_CHUNKS } from './draft'
import { EFFECT, WORK } from '../../demos/scenarios/shared-params'

/** A composition to start from: what one of the guide's demos does, with that demo's default parameters. */
export interface Preset {
  /** Its id, in `data-preset` and in tests. */
  id: string
  label: string
  /** The page (and section) whose demo it reproduces. */
  page: string
  steps: Step[]
}

const work: Step = { kind: 'work', ms: WORK.default }
const effect = (style: EffectStep['style'], name: EffectName, fails = false): EffectStep => ({ kind: 'effect', style, name, ms: EFFECT.default, fails })
/** The ordering note's handler: three after() calls, the first with one nested in it (`nested` or `nested-first`). */
const ordering = (nested: 'nested' | 'nested-first'): Step[] => [
  work,
  effect('after', 'email'),
  effect(nested, 'analytics'),
  effect('after', 'search-index'),
  effect('after', 'cache-purge'),
]

export const PRESETS: readonly Preset[] = [
  { id: 'rule-after', label: 'The rule: side effect in after()', page: '/#live-demo', steps: [work, effect('after', 'audit-log')] },
  { id: 'rule-await', label: 'The rule: side effect awaited', page: '/#live-demo', steps: [work, effect('await', 'audit-log')] },
  { id: 'comparison-void', label: 'Comparison: fire-and-forget', page: '/comparison#live-demo', steps: [work, effect('void', 'audit-log')] },
  { id: 'comparison-failing', label: 'Comparison: failing in after()', page: '/comparison#failure', steps: [work, effect('after', 'audit-log', true)] },
  { id: 'failures-throw', label: 'Failures: handler throws', page: '/notes/failures#live-demo', steps: [work, effect('after', 'audit-log'), { kind: 'throw' }, effect('after', 'email')] },
  { id: 'failures-redirect', label: 'Failures: handler redirects', page: '/notes/failures#live-demo', steps: [work, effect('after', 'audit-log'), { kind: 'redirect' }] },
  { id: 'callback-error', label: 'Callback errors: one callback fails', page: '/notes/callback-errors#live-demo', steps: [work, effect('after', 'analytics', true), effect('after', 'audit-log')] },
  { id: 'ordering', label: 'Ordering: a nested after()', page: '/notes/ordering#live-demo', steps: ordering('nested') },
  { id: 'ordering-nested-first', label: 'Ordering: nested after() first', page: '/notes/ordering#live-demo', steps: ordering('nested-first') },
  { id: 'streaming', label: 'Streaming: after() waits for the stream', page: '/notes/streaming#live-demo', steps: [effect('after', 'audit-log'), { kind: 'stream', chunks: DEFAULT_CHUNKS }] },
]

/** What the page starts with: the rule itself. */
export const FIRST = PRESETS[0]!
