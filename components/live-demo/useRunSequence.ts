import { useRef, type FormEvent } from 'react'
import { RunRequestError } from '../../demos/client'
import type { ParamFormState } from './ParamForm'

type RunSequence = (values: Record<string, number>, signal: AbortSignal) => Promise<void>

/**
 * The submit handler every demo shares: checks the form, cancels a sequence
 * still running, runs the new one with a fresh signal, and reports a failure
 * as a message (`input`: the form's, shown by its fields). A sequence
 * cancelled by a newer one reports nothing.
 */
export function useRunSequence(form: ParamFormState, onError: (message: string, where: 'input' | 'run') => void) {
  const current = useRef<AbortController | null>(null)
  return (sequence: RunSequence) => async (event: FormEvent) => {
    event.preventDefault()
    const checked = form.submit()
    if ('error' in checked) {
      onError(checked.error, 'input')
      return
    }
    current.current?.abort()
    const controller = new AbortController()
    current.current = controller
    try {
      await sequence(checked.values, controller.signal)
    } catch (error) {
      if (controller.signal.aborted) return
      onError(error instanceof RunRequestError ? error.message : 'Something went wrong while running the demo.', 'run')
    }
  }
}
