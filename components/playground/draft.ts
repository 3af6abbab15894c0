import { STREAM, STREAM_CHUNK_MS } from '../../demos/scenarios/behaviour'
import { EFFECT, WORK } from '../../demos/scenarios/shared-params'
import { LIMITS, SIDE_EFFECTS, type CallStyle, type EffectName, type Step } from '../../demos/compose/types'

/**
 * A composition as the visitor is editing it: its steps in order, numbers as
 * typed (so a wrong one is shown, not lost), and the response. Its text
 * (`draftText`) is what `parseComposition` checks, here as on the server.
 */
export type DraftRow =
  | { kind: 'work'; ms: string }
  | { kind: 'effect'; style: CallStyle; name: EffectName; ms: string; fails: boolean }
  | { kind: 'throw' }
  | { kind: 'redirect' }

export interface Draft {
  rows: DraftRow[]
  /** The number of chunks of a streamed response, as typed; null for the JSON response. */
  stream: string | null
}

const NAMES = Object.keys(SIDE_EFFECTS) as EffectName[]

/** A stream's chunks when the visitor switches to one: the streaming note's demo's length. */
export const DEFAULT_CHUNKS = Math.round(STREAM.default / STREAM_CHUNK_MS)

function rowText(row: DraftRow): string {
  switch (row.kind) {
    case 'work':
      return `work:${row.ms.trim()}`
    case 'effect':
      return `${row.style}:${row.name}:${row.ms.trim()}${row.fails ? ':fails' : ''}`
    default:
      return row.kind
  }
}

/** The draft as a composition's text: valid or not, `parseComposition` says. */
export const draftText = (draft: Draft): string =>
  [...draft.rows.map(rowText), ...(draft.stream === null ? [] : [`stream:${draft.stream.trim()}`])].join(',')

/** A checked composition as a draft, the inverse of parsing `draftText`. */
export function draftOf(steps: readonly Step[]): Draft {
  const rows = steps.flatMap((step): DraftRow[] => {
    if (step.kind === 'work') return [{ kind: 'work', ms: String(step.ms) }]
    if (step.kind === 'effect') return [{ ...step, ms: String(step.ms) }]
    return step.kind === 'stream' ? [] : [{ kind: step.kind }]
  })
  const stream = steps.find((step) => step.kind === 'stream')
  return { rows, stream: stream ? String(stream.chunks) : null }
}

export const effectCount = (draft: Draft): number => draft.rows.filter((row) => row.kind === 'effect').length

/** A side effect not yet called, scheduled with after(): undefined once there are as many as allowed, or no name is left. */
export function withNewEffect(draft: Draft): Draft | undefined {
  const used = new Set(draft.rows.flatMap((row) => (row.kind === 'effect' ? [row.name] : [])))
  const name = NAMES.find((candidate) => !used.has(candidate))
  if (!name || effectCount(draft) >= LIMITS.sideEffects) return undefined
  return { ...draft, rows: [...draft.rows, { kind: 'effect', style: 'after', name, ms: String(EFFECT.default), fails: false }] }
}

/** Adds the critical work, the throw or the redirect, once each: undefined when the draft has it (or its alternative). */
export function withStep(draft: Draft, kind: 'work' | 'throw' | 'redirect'): Draft | undefined {
  const clash = (row: DraftRow) => (kind === 'work' ? row.kind === 'work' : row.kind === 'throw' || row.kind === 'redirect')
  if (draft.rows.some(clash)) return undefined
  const row: DraftRow = kind === 'work' ? { kind, ms: String(WORK.default) } : { kind }
  // The critical work goes first, as in a handler; the throw or redirect last, to be moved up.
  return { ...draft, rows: kind === 'work' ? [row, ...draft.rows] : [...draft.rows, row] }
}

/** The row at `index` moved `by` places (-1 up, 1 down), or undefined when it cannot go there. */
export function moved(draft: Draft, index: number, by: -1 | 1): Draft | undefined {
  const to = index + by
  if (to < 0 || to >= draft.rows.length) return undefined
  const rows = [...draft.rows]
  ;[rows[index], rows[to]] = [rows[to]!, rows[index]!]
  return { ...draft, rows }
}

export const without = (draft: Draft, index: number): Draft => ({ ...draft, rows: draft.rows.filter((_, i) => i !== index) })

export const withRow = (draft: Draft, index: number, row: DraftRow): Draft => ({ ...draft, rows: draft.rows.map((old, i) => (i === index ? row : old)) })
