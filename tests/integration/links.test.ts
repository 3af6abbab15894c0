import { describe, expect, it } from 'vitest'
import { absoluteUrl, markdownPath, ogImagePath, site } from '@/links/site'
import { shortLinkTargets } from '@/links/short-links'
import { readSitePages } from '@/links/site-pages'
import { baseUrl } from '../support/api'

const pages = readSitePages()
const links = shortLinkTargets(pages)
const get = (path: string, init?: RequestInit) => fetch(`${baseUrl()}${path}`, { redirect: 'manual', ...init })

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  const view = new DataView(bytes.buffer, bytes.byteOffset)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}

describe('short links /r/<slug>', () => {
  it.each(links)('/r/$slug redirects 308 to $target', async ({ slug, target }) => {
    const res = await get(`/r/${slug}`)
    expect(res.status).toBe(308)
    expect(res.headers.get('location')).toBe(target)
  })

  it('answers an unknown slug with a 404 page listing every valid link', async () => {
    const res = await get('/r/no-such-link', { headers: { accept: 'text/html' } })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('<html lang="en">')
    for (const { slug, target } of links) {
      expect(html).toContain(`href="/r/${slug}"`)
      expect(html).toContain(`href="${target}"`)
    }
  })

  it('answers an unknown slug with JSON when asked', async () => {
    const res = await get('/r/no-such-link', { headers: { accept: 'application/json' } })
    expect(res.status).toBe(404)
    const body = await res.json()
    expect(body.error).toMatchObject({ code: 'unknown_short_link', field: 'slug', allowed: links.map((l) => l.slug) })
    expect(body.links).toContainEqual({ slug: links[0].slug, href: `/r/${links[0].slug}`, target: links[0].target })
  })
})

describe.each(pages)('$route', (page) => {
  it('has its head tags: title, description, canonical, og:*, twitter card, favicon', async () => {
    const res = await get(page.route)
    expect(res.status).toBe(200)
    const html = await res.text()
    const meta = (attr: string, key: string) => new RegExp(`<meta ${attr}="${key}" content="([^"]*)"`).exec(html)?.[1]
    const unescape = (s?: string) => s?.replace(/&#x27;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    expect(html).toContain('<html lang="en"')
    expect(unescape(/<title[^>]*>([^<]*)<\/title>/.exec(html)?.[1])).toBe(`${page.title} · after-guide`)
    expect(unescape(meta('name', 'description'))).toBe(page.description)
    expect(html).toContain(`<link rel="canonical" href="${absoluteUrl(page.route)}"`)
    expect(html).toContain('<link rel="icon" href="/favicon.svg"')
    expect(unescape(meta('property', 'og:title'))).toBe(page.title)
    expect(unescape(meta('property', 'og:description'))).toBe(page.description)
    expect(meta('property', 'og:url')).toBe(absoluteUrl(page.route))
    expect(meta('property', 'og:image')).toBe(absoluteUrl(ogImagePath(page.route)))
    expect(meta('property', 'og:type')).toBe('article')
    expect(meta('property', 'og:site_name')).toBe('after-guide')
    expect(meta('name', 'twitter:card')).toBe('summary_large_image')
  })

  it('links to its source in the repository and to a feedback issue', async () => {
    const html = await (await get(page.route)).text()
    expect(html).toContain(`href="${site.repository}/blob/main/${page.file}"`)
    // React escapes & and ' in attributes; undo that to compare with the URL as built.
    const unescaped = html.replaceAll('&amp;', '&').replaceAll('&#x27;', "'")
    expect(unescaped).toContain(`href="${site.repository}/issues/new?labels=feedback&title=${encodeURIComponent(`Feedback: ${page.title}`)}"`)
  })

  it('has a 1200x630 PNG Open Graph image', async () => {
    const res = await get(ogImagePath(page.route))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('image/png')
    expect(pngSize(new Uint8Array(await res.arrayBuffer()))).toEqual({ width: 1200, height: 630 })
  })

  it('is served as Markdown at its .md path', async () => {
    const res = await get(markdownPath(page.route))
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    const md = await res.text()
    expect(md.startsWith(`# ${page.title}\n\n> ${page.description}\n`)).toBe(true)
    // The page's own export, not the word: where-it-works names getStaticProps in its prose.
    expect(md).not.toContain('export const getStaticProps')
    expect(md).not.toContain('<ReviewComment')
  })
})

describe('/llms.txt', () => {
  it('links every page’s Markdown twin with its description', async () => {
    const res = await get('/llms.txt')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/)
    const text = await res.text()
    expect(text.startsWith('# after-guide\n\n> ')).toBe(true)
    for (const page of pages) {
      expect(text).toContain(`- [${page.title}](${absoluteUrl(markdownPath(page.route))}): ${page.description}`)
    }
  })

  it('unknown pages get 404 for their .md and OG image, saying what is wrong', async () => {
    const md = await get('/no-such-page.md')
    expect(md.status).toBe(404)
    expect(await md.text()).toBe('No page at /no-such-page. The list of pages is at /llms.txt.\n')
    const og = await get('/og/notes/no-such-page.png')
    expect(og.status).toBe(404)
    expect((await og.json()).error).toEqual({ code: 'unknown_page', message: 'No page at /notes/no-such-page.', field: 'path' })
    const noPng = await get('/og/index')
    expect(noPng.status).toBe(404)
    expect((await noPng.json()).error.message).toMatch(/\/og\/index\.png/)
  })
})

describe('/sitemap.xml and /robots.txt', () => {
  it('the sitemap lists every page at the public origin, and each answers 200', async () => {
    const res = await get('/sitemap.xml')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^application\/xml/)
    const locs = [...(await res.text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
    expect(locs.sort()).toEqual(pages.map((page) => absoluteUrl(page.route)).sort())
    for (const page of pages) expect((await get(page.route)).status, page.route).toBe(200)
  })

  it('robots.txt names the sitemap and keeps crawlers off the demo endpoints and the Next.js 16 server, not off pages, twins or cards', async () => {
    const res = await get('/robots.txt')
    expect(res.status).toBe(200)
    const text = await res.text()
    expect(text).toContain(`Sitemap: ${absoluteUrl('/sitemap.xml')}`)
    const disallowed = [...text.matchAll(/^Disallow: (.+)$/gm)].map((match) => match[1]!)
    expect(disallowed).toEqual(expect.arrayContaining(['/api/', '/demos/', '/next16/']))
    const readable = pages.flatMap((page) => [page.route, markdownPath(page.route), ogImagePath(page.route)])
    for (const url of [...readable, '/llms.txt']) {
      expect(disallowed.filter((prefix) => url.startsWith(prefix)), url).toEqual([])
    }
  })
})
