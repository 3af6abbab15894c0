import { useEffect, useState } from 'react'
import type { ComposedCode } from '../../demos/http/compose-code'
import { CopyButton } from '../ui/CopyButton'
import listing from '../mdx/Listing.module.css'
import styles from './Playground.module.css'

/** Highlighted handlers this page has been sent, by composition: going back to one shows it at once. */
const highlighted = new Map<string, ComposedCode>()

/** The composition's highlighted code, asked of the server (the page ships no highlighter); undefined until it has come. */
function useHighlighted(text: string): ComposedCode | undefined {
  const [, setArrived] = useState(0)
  useEffect(() => {
    if (highlighted.has(text)) return
    const controller = new AbortController()
    fetch(`/api/demos/compose/code?steps=${encodeURIComponent(text)}`, { signal: controller.signal })
      .then((response) => (response.ok ? (response.json() as Promise<ComposedCode>) : undefined))
      .then((body) => {
        if (!body) return
        highlighted.set(text, body)
        setArrived((count) => count + 1)
      })
      // Unhighlighted code is still the code: a failed request leaves the plain text.
      .catch(() => {})
    return () => controller.abort()
  }, [text])
  return highlighted.get(text)
}

/**
 * The generated Route Handler, as a listing: the plain text at once, then
 * the same text highlighted by shiki on the server, with a Copy button.
 * `stale`: the composition being edited does not parse, so this is the last one that did.
 */
export function CodeView({ code, text, stale }: { code: string; text: string; stale: boolean }) {
  const shown = useHighlighted(text)
  const html = shown?.code === code ? shown.html : undefined
  return (
    <figure className={`${listing.figure} ${styles.code}`} data-testid="composed-code" data-highlighted={html ? '' : undefined} data-stale={stale ? '' : undefined}>
      <figcaption className={listing.caption}>
        <code>app/api/your-route/route.ts</code>
        <span>{stale ? 'the last composition that could run' : 'updated as you compose'}</span>
        <CopyButton text={code} label="Copy the handler's code" />
      </figcaption>
      {html ? (
        <div className={listing.code} dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <div className={listing.code}>
          <pre>
            <code>{code}</code>
          </pre>
        </div>
      )}
    </figure>
  )
}
