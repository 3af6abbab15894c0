import { startTransition, useEffect, useMemo, useState } from 'react'
import type { ComposedDemo } from '../../demos/client'
import { generateHandler } from '../../demos/compose/codegen'
import { describeError, parseComposition } from '../../demos/compose/parse'
import type { Step } from '../../demos/compose/types'
import RunDemo from '../live-demo/RunDemo'
import { replaceQuery } from '../live-demo/replace-query'
import { CodeView } from './CodeView'
import { Composer } from './Composer'
import { draftOf, draftText, type Draft } from './draft'
import { FIRST, PRESETS, type Preset } from './presets'
import styles from './Playground.module.css'

/** The URL parameter that keeps the composition, in the endpoint's own syntax. */
const PARAM = 'steps'

/** The composition the page was opened with: the link's, when it parses; else the rule's, and what was wrong with the link. */
function opened(): { draft: Draft; linkError?: string } {
  const text = new URLSearchParams(window.location.search).get(PARAM)
  if (text === null) return { draft: draftOf(FIRST.steps) }
  const parsed = parseComposition(text)
  if ('error' in parsed) return { draft: draftOf(FIRST.steps), linkError: describeError(parsed.error) }
  return { draft: draftOf(parsed.steps) }
}

/**
 * The playground: compose a Route Handler from presets and steps, read its
 * code as it changes, and run exactly that composition on this server with
 * the live demo's chart, Run N×, version choice and receipts. The
 * composition lives in `?steps=`, so a pasted link reproduces it.
 */
export default function Playground() {
  // Drawn in a transition: React renders the composer and the demo in slices, so mounting them is no long task on a slow phone.
  const [shown, setShown] = useState(false)
  useEffect(() => startTransition(() => setShown(true)), [])
  return shown ? <Composed /> : <p data-loading="">Loading the playground…</p>
}

function Composed() {
  const [start] = useState(opened)
  const [draft, setDraft] = useState(start.draft)
  const [linkError, setLinkError] = useState(start.linkError)
  // The preset the composition was last loaded from, until the visitor changes it.
  const [from, setFrom] = useState<Preset | undefined>(undefined)
  const text = draftText(draft)
  const parsed = useMemo(() => parseComposition(text), [text])
  // The last composition that parsed: its code stays shown (marked out of date) and runnable while the draft is wrong.
  const [valid, setValid] = useState<{ text: string; steps: Step[] }>(() => ({ text, steps: 'steps' in parsed ? parsed.steps : [] }))
  useEffect(() => {
    if (!('steps' in parsed)) return
    setValid({ text, steps: parsed.steps })
    replaceQuery({ [PARAM]: text })
  }, [parsed, text])
  const code = useMemo(() => generateHandler(valid.steps), [valid.steps])
  const demo = useMemo((): ComposedDemo => ({ kind: 'compose', name: 'compose', steps: valid.steps, text: valid.text }), [valid])
  const error = 'error' in parsed ? parsed.error : undefined
  const edit = (next: Draft, preset?: Preset) => {
    setDraft(next)
    setLinkError(undefined)
    setFrom(preset)
  }

  return (
    <div className={styles.playground} data-testid="playground" data-steps={valid.text}>
      <div className={styles.presets} role="group" aria-label="Start from a demo of the guide">
        <span>Start from:</span>
        {PRESETS.map((preset) => (
          <button key={preset.id} type="button" data-preset={preset.id} onClick={() => edit(draftOf(preset.steps), preset)}>
            {preset.label}
          </button>
        ))}
      </div>
      {from ? (
        <p className={styles.from} data-testid="preset-source">
          {from.label}: the handler of <a href={from.page}>that page&apos;s demo</a>, with its default durations. Change any step.
        </p>
      ) : null}
      {linkError ? (
        <p className={styles.error} role="alert" data-testid="link-error">
          The link&apos;s composition could not be read, so the rule&apos;s is shown instead. {linkError}
        </p>
      ) : null}
      <Composer draft={draft} error={error} onChange={edit} />
      <CodeView code={code} text={valid.text} stale={error !== undefined} />
      <RunDemo demos={[demo]} repeatable refusal={error ? `The composition cannot run: ${describeError(error)}` : undefined} />
    </div>
  )
}
