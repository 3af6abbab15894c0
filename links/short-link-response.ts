import { site } from './site'
import { echoed } from './echoed'
import { findShortLink, shortLinkTargets, type ShortLinkTarget } from './short-links'
import type { SitePage } from './site-pages'

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function wantsJson(accept: string | null): boolean {
  if (!accept) return false
  const json = accept.indexOf('application/json')
  const html = accept.indexOf('text/html')
  return json !== -1 && (html === -1 || json < html)
}

function notFoundHtml(slug: string, links: ShortLinkTarget[]): string {
  const rows = links
    .map((l) => `<li><a href="/r/${l.slug}"><code>/r/${escapeHtml(l.slug)}</code></a> → <a href="${escapeHtml(l.target)}">${escapeHtml(l.target)}</a> <span>(${escapeHtml(l.title)})</span></li>`)
    .join('\n')
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>No short link "${escapeHtml(slug)}" · ${site.name}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;color:#111;background:#fff}
a{color:#0550ae}span{color:#555}li{margin:.3rem 0}
@media (prefers-color-scheme:dark){body{color:#eee;background:#111}a{color:#79c0ff}span{color:#aaa}}</style></head>
<body><main><h1>No short link <code>/r/${escapeHtml(slug)}</code></h1>
<p>This short link does not exist on ${site.name}. Perhaps it was mistyped; these are the valid ones:</p>
<ul>
${rows}
</ul>
<p><a href="/">Go to the rule</a></p></main></body></html>
`
}

/**
 * `/r/<slug>`: a 308 to the page and section the slug names (a relative
 * Location, so it works on any host), or a 404 that lists every valid slug,
 * as JSON when the client asks for it and as HTML otherwise.
 */
export function shortLinkResponse(pages: readonly SitePage[], slug: string, accept: string | null): Response {
  const found = findShortLink(pages, slug)
  if (found) return new Response(null, { status: 308, headers: { Location: encodeURI(found.target) } })
  const links = shortLinkTargets(pages)
  const shown = echoed(slug)
  const headers = { 'Cache-Control': 'no-store' }
  if (wantsJson(accept)) {
    return Response.json(
      {
        error: {
          code: 'unknown_short_link',
          message: `No short link "${shown}". Valid slugs are listed in "allowed".`,
          field: 'slug',
          allowed: links.map((l) => l.slug),
        },
        links: links.map(({ slug: s, target }) => ({ slug: s, href: `/r/${s}`, target })),
      },
      { status: 404, headers },
    )
  }
  return new Response(notFoundHtml(shown, links), {
    status: 404,
    headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' },
  })
}
