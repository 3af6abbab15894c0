import { useId, useLayoutEffect, useRef } from 'react'
import { CALL_STYLES, LIMITS, SIDE_EFFECTS, type CallStyle, type EffectName } from '../../demos/compose/types'
import type { CompositionError } from '../../demos/compose/parse'
import { DEFAULT_CHUNKS, effectCount, moved, withNewEffect, withRow, withStep, without, type Draft, type DraftRow } from './draft'
import styles from './Playground.module.css'

/** How each call style reads in the composer. */
const STYLE_LABELS: Record<CallStyle, string> = {
  await: 'await',
  void: 'void',
  after: 'after()',
  nested: 'after() nested, last',
  'nested-first': 'after() nested, first',
}

const rowTitle = (row: DraftRow): string =>
  row.kind === 'work' ? 'Critical work' : row.kind === 'effect' ? SIDE_EFFECTS[row.name].label : row.kind === 'throw' ? 'Throw an error' : 'Redirect'

/** Where to put the focus once the rows have been drawn again: the same button on the row's new place, or the Add button. */
type Focus = { row: number; action: 'up' | 'down' | 'remove' } | 'add'

/**
 * The composer: the handler's steps in order, each with its fields and its
 * Move up, Move down and Remove buttons, the buttons that add a step, and
 * the response. Every change goes to `onChange`; `error` (the parser's) is
 * shown on the row it names, or under the steps.
 */
export function Composer({ draft, error, onChange }: { draft: Draft; error?: CompositionError; onChange(next: Draft): void }) {
  const id = useId()
  const list = useRef<HTMLDivElement>(null)
  const addButton = useRef<HTMLButtonElement>(null)
  const focus = useRef<Focus | null>(null)
  useLayoutEffect(() => {
    const target = focus.current
    focus.current = null
    if (target === 'add') addButton.current?.focus()
    else if (target) list.current?.querySelector<HTMLButtonElement>(`[data-row="${target.row}"] [data-action="${target.action}"]`)?.focus()
  })
  const change = (next: Draft | undefined, then?: Focus) => {
    if (!next) return
    focus.current = then ?? null
    onChange(next)
  }
  const errorId = `${id}-error`
  const rowError = (index: number) => (error?.position === index + 1 ? error : undefined)
  const streamError = error?.position === draft.rows.length + 1 ? error : undefined
  const wholeError = error && error.position === undefined ? error : undefined
  const hasWork = draft.rows.some((row) => row.kind === 'work')
  const ends = draft.rows.some((row) => row.kind === 'throw' || row.kind === 'redirect')

  return (
    <div className={styles.composer}>
      <div className={styles.rows} ref={list}>
        {draft.rows.map((row, index) => {
          const problem = rowError(index)
          const rowId = `${id}-row-${index}`
          const described = problem ? `${rowId}-error` : undefined
          const update = (patch: Partial<DraftRow>) => change(withRow(draft, index, { ...row, ...patch } as DraftRow))
          const name = `${index + 1}. ${rowTitle(row)}`
          return (
            <div key={index} className={styles.row} data-row={index} data-kind={row.kind} data-invalid={problem ? '' : undefined} role="group" aria-labelledby={rowId}>
              <span className={styles.rowTitle} id={rowId}>
                {name}
              </span>
              <div className={styles.fields}>
                {row.kind === 'work' ? (
                  <MsField label="Duration" value={row.ms} described={described} onChange={(ms) => update({ ms })} />
                ) : row.kind === 'effect' ? (
                  <>
                    <label className={styles.field}>
                      <span>Side effect</span>
                      <select value={row.name} aria-describedby={described} onChange={(event) => update({ name: event.target.value as EffectName })}>
                        {Object.entries(SIDE_EFFECTS).map(([value, effect]) => (
                          <option key={value} value={value}>
                            {effect.label}
                          </option>
                        ))}
                      </select>
                    </label>
                    <label className={styles.field}>
                      <span>Called with</span>
                      <select value={row.style} aria-describedby={described} onChange={(event) => update({ style: event.target.value as CallStyle })}>
                        {CALL_STYLES.map((style) => (
                          <option key={style} value={style}>
                            {STYLE_LABELS[style]}
                          </option>
                        ))}
                      </select>
                    </label>
                    <MsField label="Duration" value={row.ms} described={described} onChange={(ms) => update({ ms })} />
                    <label className={styles.check}>
                      <input type="checkbox" checked={row.fails} onChange={(event) => update({ fails: event.target.checked })} />
                      <span>Fails</span>
                    </label>
                  </>
                ) : (
                  <code className={styles.fixed}>{row.kind === 'throw' ? "throw new Error(…)" : "redirect('/playground')"}</code>
                )}
              </div>
              <div className={styles.moves}>
                <button type="button" data-action="up" aria-label={`Move step ${name} up`} aria-disabled={index === 0} onClick={() => change(moved(draft, index, -1), { row: index - 1, action: 'up' })}>
                  ↑
                </button>
                <button
                  type="button"
                  data-action="down"
                  aria-label={`Move step ${name} down`}
                  aria-disabled={index === draft.rows.length - 1}
                  onClick={() => change(moved(draft, index, 1), { row: index + 1, action: 'down' })}
                >
                  ↓
                </button>
                <button
                  type="button"
                  data-action="remove"
                  aria-label={`Remove step ${name}`}
                  onClick={() => change(without(draft, index), index < draft.rows.length - 1 ? { row: index, action: 'remove' } : 'add')}
                >
                  ✕
                </button>
              </div>
              {problem ? (
                <p id={described} className={styles.error} data-testid="row-error">
                  {problem.message} Allowed: {problem.allowed}.
                </p>
              ) : null}
            </div>
          )
        })}
      </div>
      <div className={styles.adds}>
        <button type="button" ref={addButton} aria-disabled={effectCount(draft) >= LIMITS.sideEffects} onClick={() => change(withNewEffect(draft))}>
          Add a side effect ({effectCount(draft)} of {LIMITS.sideEffects})
        </button>
        {hasWork ? null : (
          <button type="button" onClick={() => change(withStep(draft, 'work'))}>
            Add critical work
          </button>
        )}
        <button type="button" aria-disabled={ends} onClick={() => change(withStep(draft, 'throw'))}>
          Add a throw
        </button>
        <button type="button" aria-disabled={ends} onClick={() => change(withStep(draft, 'redirect'))}>
          Add a redirect
        </button>
      </div>
      <fieldset className={styles.response}>
        <legend>The response</legend>
        <label className={styles.check}>
          <input type="radio" name={`${id}-response`} checked={draft.stream === null} onChange={() => change({ ...draft, stream: null })} />
          <span>
            JSON: <code>Response.json()</code>
          </span>
        </label>
        <label className={styles.check}>
          <input type="radio" name={`${id}-response`} checked={draft.stream !== null} onChange={() => change({ ...draft, stream: String(DEFAULT_CHUNKS) })} />
          <span>A stream of chunks, one every {LIMITS.chunkMs} ms</span>
        </label>
        {draft.stream !== null ? (
          <label className={styles.field}>
            <span>Chunks (1-{LIMITS.chunks})</span>
            <input
              type="number"
              inputMode="numeric"
              min={1}
              max={LIMITS.chunks}
              value={draft.stream}
              aria-invalid={streamError ? true : undefined}
              aria-describedby={streamError ? errorId : undefined}
              onChange={(event) => change({ ...draft, stream: event.target.value })}
            />
          </label>
        ) : null}
      </fieldset>
      {wholeError || streamError ? (
        <p id={errorId} className={styles.error} data-testid="composition-error">
          {(wholeError ?? streamError)!.message} Allowed: {(wholeError ?? streamError)!.allowed}.
        </p>
      ) : null}
    </div>
  )
}

function MsField({ label, value, described, onChange }: { label: string; value: string; described?: string; onChange(value: string): void }) {
  return (
    <label className={styles.field}>
      <span>
        {label} (ms, 0-{LIMITS.stepMs})
      </span>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        max={LIMITS.stepMs}
        step={1}
        value={value}
        aria-invalid={described ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onChange(event.target.value)}
      />
    </label>
  )
}
