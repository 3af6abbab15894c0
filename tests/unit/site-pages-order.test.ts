import { describe, expect, it } from 'vitest'
import { readSitePages, sidebarPlace } from '@/links/site-pages'
import notesMeta from '@/pages/notes/_meta.js'
import rootMeta from '@/pages/_meta.js'

describe('pages in the sidebar’s order', () => {
  it('lists every page as the sidebar does: top-level entries in _meta order, the notes folder in its place', () => {
    const expected = Object.keys(rootMeta).flatMap((key) =>
      key === 'index' ? ['/'] : key === 'notes' ? Object.keys(notesMeta).map((note) => `/notes/${note}`) : [`/${key}`],
    )
    expect(readSitePages().map((page) => page.route)).toEqual(expected)
  })

  it('puts a page no _meta.js names after the named ones of its folder', () => {
    expect(sidebarPlace('/notes/unlisted')[1]).toBeGreaterThan(sidebarPlace('/notes/duration')[1]!)
    expect(sidebarPlace('/unlisted')[0]).toBeGreaterThan(sidebarPlace('/references')[0]!)
  })
})
