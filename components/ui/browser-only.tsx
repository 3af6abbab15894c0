import { lazy, Suspense, useRef, type ComponentType, type FC } from 'react'
import { useNearViewport } from './use-near-viewport'

/**
 * A component whose code loads only in the browser, once the visitor is within
 * a screen of it, so it stays out of every page's first load and a demo far
 * down a page costs nothing until the visitor scrolls towards it. React.lazy
 * rather than next/dynamic: the latter adds its loader runtime, about 2 kB
 * gzipped, to every page.
 */
export function browserOnly<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, what: string): FC<P> {
  const Lazy = lazy(load)
  function BrowserOnly(props: P) {
    const placeholder = useRef<HTMLParagraphElement>(null)
    const near = useNearViewport(placeholder)
    // data-loading: tests bring every lazy part of a page in (tests/support/lazy-parts.ts) before they measure it.
    const loading = (
      <p data-loading="" ref={placeholder}>
        Loading {what}…
      </p>
    )
    if (!near) return loading
    return (
      <Suspense fallback={loading}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  return BrowserOnly
}
