import { describe, expect, it } from 'vitest'
import { markdownSegments, ogImageSegments, pageAt, staticPathParams } from '@/links/derived-paths'
import { readSitePages } from '@/links/site-pages'
import { unknownMarkdownResponse, unknownOgImageResponse } from '@/links/unknown-page'

const pages = readSitePages()

describe('the paths a page’s derived files are built under', () => {
  it('put the home page at index', () => {
    expect(ogImageSegments('/')).toEqual(['index.png'])
    expect(markdownSegments('/')).toEqual(['index'])
    expect(ogImageSegments('/notes/failures')).toEqual(['notes', 'failures.png'])
    expect(markdownSegments('/notes/failures')).toEqual(['notes', 'failures'])
  })

  it.each([
    ['OG image', ogImageSegments],
    ['Markdown twin', markdownSegments],
  ] as const)('lead back to their page, one distinct path per page (%s)', (_kind, segmentsOf) => {
    const params = staticPathParams(pages, segmentsOf)
    expect(new Set(params.map((p) => p.path.join('/'))).size).toBe(pages.length)
    for (const [i, { path }] of params.entries()) expect(pageAt(pages, path, segmentsOf)).toBe(pages[i])
  })

  it('find no page for a path no page has', () => {
    expect(pageAt(pages, ['no-such-page.png'], ogImageSegments)).toBeUndefined()
    expect(pageAt(pages, ['index'], ogImageSegments)).toBeUndefined()
    expect(pageAt(pages, ['notes', 'no-such-note'], markdownSegments)).toBeUndefined()
  })

  it('find a folder’s index page: /notes has its twin and card like any page', () => {
    expect(pageAt(pages, ['notes'], markdownSegments)?.file).toBe('pages/notes.mdx')
    expect(pageAt(pages, ['notes.png'], ogImageSegments)?.file).toBe('pages/notes.mdx')
  })
})

describe('the 404s for a page that does not exist', () => {
  it('name the missing page, as JSON for an image', async () => {
    const res = unknownOgImageResponse(['notes', 'nope.png'])
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ error: { code: 'unknown_page', message: 'No page at /notes/nope.', field: 'path' } })
  })

  it('say where a page’s image is when the path is no image path', async () => {
    const { error } = await unknownOgImageResponse(['index']).json()
    expect(error.message).toBe("No image at /og/index: a page's card is /og/<page path>.png, the home page's /og/index.png.")
  })

  it('point at /llms.txt for a Markdown twin', async () => {
    const res = unknownMarkdownResponse(['no-such-page'])
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8')
    expect(await res.text()).toBe('No page at /no-such-page. The list of pages is at /llms.txt.\n')
  })
})
