import { recordedComposition } from '../compose/recorded'
import { COMPOSE } from '../compose/types'
import { everyScenario } from '../scenarios'
import type { ReceiptRun } from './receipt'

/** The longest composition a title shows whole: a sentence and a card have room for a few steps, not six with options. */
const SHOWN = 48

/** `text` whole if short, else its first steps that fit, then "…". */
function shortened(text: string): string {
  if (text.length <= SHOWN) return text
  const cut = text.lastIndexOf(',', SHOWN)
  return `${text.slice(0, cut > 0 ? cut : SHOWN)},…`
}

/**
 * What a receipt calls one of its runs: its scenario's title, or for a composed handler the composition it recorded,
 * since "compose" alone says nothing of what ran.
 */
export function runTitle(run: Pick<ReceiptRun, 'scenario' | 'events'>): string {
  if (run.scenario !== COMPOSE) return (everyScenario as Record<string, { title: string } | undefined>)[run.scenario]?.title ?? run.scenario
  const composition = recordedComposition(run.events)
  return composition === undefined ? 'Composed handler' : `Composed handler “${shortened(composition)}”`
}
