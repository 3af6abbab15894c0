import { describe, expect, it } from 'vitest'
import { shortLinkResponse } from '@/links/short-link-response'
import { readSitePages } from '@/links/site-pages'
import { unknownMarkdownResponse, unknownOgImageResponse } from '@/links/unknown-page'

const junk = 'x'.repeat(5000)
const pages = readSitePages()

describe('404s repeat at most 100 characters of what was asked', () => {
  it('an unknown OG image, with or without .png', async () => {
    for (const segments of [[junk + '.png'], [junk]]) {
      const { error } = (await unknownOgImageResponse(segments).json()) as { error: { message: string } }
      expect(error.message).toMatch(/x{90}…/)
      expect(error.message.length).toBeLessThan(200)
    }
    // A short path is repeated whole.
    expect(((await unknownOgImageResponse(['notes', 'nope.png']).json()) as { error: { message: string } }).error.message).toBe(
      'No page at /notes/nope.',
    )
  })

  it('an unknown Markdown twin', async () => {
    const text = await unknownMarkdownResponse([junk]).text()
    expect(text.length).toBeLessThan(200)
    expect(text).toContain('…')
  })

  it('an unknown short link, as JSON and as HTML', async () => {
    const json = await shortLinkResponse(pages, junk, 'application/json').text()
    const html = await shortLinkResponse(pages, junk, 'text/html').text()
    for (const body of [json, html]) {
      expect(body).toContain('x'.repeat(100) + '…')
      expect(body).not.toContain('x'.repeat(101))
    }
  })
})
