import { lazy, Suspense, type ComponentType, type FC } from 'react'
import { useMounted } from 'nextra/hooks'

/**
 * A component whose code loads only once the page is open in a browser, so it
 * stays out of every page's first load. React.lazy rather than next/dynamic:
 * the latter adds its loader runtime, about 2 kB gzipped, to every page.
 */
export function browserOnly<P extends object>(load: () => Promise<{ default: ComponentType<P> }>, what: string): FC<P> {
  const Lazy = lazy(load)
  function BrowserOnly(props: P) {
    const mounted = useMounted()
    // data-loading: tests wait for every lazy part of a page to be gone before they measure it.
    const loading = <p data-loading="">Loading {what}…</p>
    if (!mounted) return loading
    return (
      <Suspense fallback={loading}>
        <Lazy {...props} />
      </Suspense>
    )
  }
  return BrowserOnly
}
