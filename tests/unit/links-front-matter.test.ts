import { describe, expect, it } from 'vitest'
import { frontMatterProblems, shortLinkTargets } from '@/links/short-links'
import { headingIds, parsePage, readSitePages, routeOf } from '@/links/site-pages'

const page = (file: string, front: string, body = '') => parsePage(file, `---\n${front}\n---\n${body}`)

describe('the pages in this repository', () => {
  const pages = readSitePages()

  it('are all found, the rule page first', () => {
    expect(pages[0].route).toBe('/')
    expect(pages.map((p) => p.file)).toContain('pages/index.mdx')
  })

  it('have a title, a description, unique short-link slugs and anchors that exist as [#id] headings', () => {
    expect(frontMatterProblems(pages)).toEqual([])
  })

  it('declare the rule short link', () => {
    expect(shortLinkTargets(pages)).toContainEqual(expect.objectContaining({ slug: 'rule', target: '/#rule' }))
  })
})

describe('front matter checks', () => {
  it('reports a slug declared by two pages', () => {
    const a = page('pages/a.mdx', 'title: A\ndescription: a\nshortLinks:\n  - slug: same')
    const b = page('pages/b.mdx', 'title: B\ndescription: b\nshortLinks:\n  - slug: same')
    expect(frontMatterProblems([a, b])).toEqual(['pages/b.mdx: short link slug "same" is already declared by pages/a.mdx'])
  })

  it('reports an anchor that is no [#id] heading on the page', () => {
    const a = page('pages/a.mdx', 'title: A\ndescription: a\nshortLinks:\n  - slug: a\n    anchor: gone', '## Here [#here]\n')
    expect(frontMatterProblems([a])).toEqual(['pages/a.mdx: short link "a" points to #gone, which is no [#gone] heading on the page'])
  })

  it('reports a missing title or description and a slug that is not lowercase-dashed', () => {
    const a = page('pages/a.mdx', 'shortLinks:\n  - slug: Not_OK')
    expect(frontMatterProblems([a])).toEqual([
      'pages/a.mdx: front matter has no title',
      'pages/a.mdx: front matter has no description',
      'pages/a.mdx: short link slug "Not_OK" is not lowercase-dashed',
    ])
  })
})

describe('headingIds', () => {
  it('reads [#id] from headings of every level and skips code fences', () => {
    const body = ['# Top [#top]', 'text [#not-a-heading]', '```md', '## In a fence [#fenced]', '```', '### Deep `code` [#deep]'].join('\n')
    expect(headingIds(body)).toEqual(['top', 'deep'])
  })
})

describe('routeOf', () => {
  it('maps files to URL paths', () => {
    expect(routeOf('pages/index.mdx')).toBe('/')
    expect(routeOf('pages/notes/failures.mdx')).toBe('/notes/failures')
    expect(routeOf('pages/notes/index.mdx')).toBe('/notes')
  })
})
