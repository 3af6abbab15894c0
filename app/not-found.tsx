import type { Metadata } from 'next'
import { site } from '@/links/site'

export const metadata: Metadata = { title: 'Page not found' }

/**
 * The App Router's 404, for an App Router demo page that calls notFound().
 * Unknown addresses never reach it: the fallback rewrite in next.config.mjs
 * sends them to the docs theme's 404 (pages/404.mdx), with sidebar and search.
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
