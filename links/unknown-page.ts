import { echoed } from './echoed'

/**
 * The 404s for a derived file of a page that does not exist. The prerendered
 * routes list only real pages; next.config.mjs sends every other path to the
 * routes under app/unknown-page, which answer with these.
 */

/** `/og/<path>` that is no page's card: JSON, like the site's other API errors. */
export function unknownOgImageResponse(segments: readonly string[]): Response {
  const path = `/${segments.join('/')}`
  const message = path.endsWith('.png')
    ? `No page at ${echoed(path.replace(/\.png$/, ''))}.`
    : `No image at /og${echoed(path)}: a page's card is /og/<page path>.png, the home page's /og/index.png.`
  return Response.json({ error: { code: 'unknown_page', message, field: 'path' } }, { status: 404 })
}

/** `/<path>.md` that is no page's twin: plain text pointing at the list of pages. */
export function unknownMarkdownResponse(segments: readonly string[]): Response {
  return new Response(`No page at ${echoed(`/${segments.join('/')}`)}. The list of pages is at /llms.txt.\n`, {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}
