import type { Metadata } from 'next'
import { site } from '@/links/site'

export const metadata: Metadata = { title: 'Page not found' }

/**
 * Once app/ has a layout, unknown URLs get the App Router's 404 instead of
 * the docs theme's; this one keeps the site's name and points back into it.
 */
export default function NotFound() {
  return (
    <main className="not-found">
      <header>
        <a href="/">
          <strong>{site.name}</strong>
        </a>
      </header>
      <h1>Page not found</h1>
      <p>There is no page at this address. It may have moved, or the link may have a typo.</p>
      <ul>
        <li>
          <a href="/">The rule: use after() for non-blocking operations</a>
        </li>
        <li>
          <a href="/notes/where-it-works">Where after() works</a>
        </li>
      </ul>
    </main>
  )
}
