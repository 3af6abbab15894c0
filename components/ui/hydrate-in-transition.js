import { startTransition } from 'react'
import { createRoot, hydrateRoot as hydrateRootAtOnce } from 'react-dom/client'

/**
 * Stands in for `react-dom/client` in Next.js's Pages Router bootstrap
 * (next.config.mjs swaps it in for that one importer). Next.js hydrates the
 * Pages Router root in one go, one long task (about 200 ms at a phone's CPU
 * speed on these pages, most of their Total Blocking Time). Started inside a
 * transition, as the App Router starts its own, React hydrates in slices of a
 * few milliseconds and lets the browser work in between; a click or key press
 * meanwhile makes it finish at once and is then handled. The page's HTML and
 * what it becomes are the same. Plain JavaScript with a default export, as the
 * importer reads `require('react-dom/client').default`.
 */
function hydrateRoot(container, initialChildren, options) {
  let root
  startTransition(() => {
    root = hydrateRootAtOnce(container, initialChildren, options)
  })
  return root
}

export default { createRoot, hydrateRoot }
