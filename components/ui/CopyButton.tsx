import { useEffect, useRef, useState, type ReactNode } from 'react'
import styles from './CopyButton.module.css'

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * Copies `text` and says so, to the eye and to screen readers (a polite
 * live region that is in the page before anything is announced).
 * `children` is the resting content; `className` replaces the default look.
 * `text` may be a function that makes the text when clicked (a receipt asked of the server).
 */
export function CopyButton({
  text,
  label,
  children = 'Copy',
  className,
}: {
  text: string | (() => Promise<string>)
  label: string
  children?: ReactNode
  className?: string
}) {
  const [state, setState] = useState<CopyState>('idle')
  const reset = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(reset.current), [])
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(typeof text === 'string' ? text : await text())
      setState('copied')
    } catch {
      setState('failed')
    }
    // A second click restarts the two seconds instead of being cut short by the first click's timer.
    clearTimeout(reset.current)
    reset.current = setTimeout(() => setState('idle'), 2000)
  }
  return (
    <button type="button" className={className ?? styles.button} onClick={copy} aria-label={label} data-copy-state={state}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : children}
      <span role="status" className={styles.status}>
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy' : ''}
      </span>
    </button>
  )
}
