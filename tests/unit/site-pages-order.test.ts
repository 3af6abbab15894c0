import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { folderContents, pageLine } from '@/links/page-lines'
import { readSitePages, sidebarFolders, sidebarPlace } from '@/links/site-pages'
import notesMeta from '@/pages/notes/_meta.js'
import rootMeta from '@/pages/_meta.js'

describe('pages in the sidebar’s order', () => {
  it('lists every page as the sidebar does: top-level entries in _meta order, the notes folder’s index then its pages', () => {
    // A hidden entry (the 404 page) is no page of the sidebar's.
    const listed = Object.entries(rootMeta).filter(([, entry]) => typeof entry === 'string' || entry.display !== 'hidden')
    const expected = listed.flatMap(([key]) =>
      key === 'index' ? ['/'] : key === 'notes' ? ['/notes', ...Object.keys(notesMeta).map((note) => `/notes/${note}`)] : [`/${key}`],
    )
    expect(readSitePages().map((page) => page.route)).toEqual(expected)
  })

  it('puts a page no _meta.js names after the named ones of its folder', () => {
    expect(sidebarPlace('/notes/unlisted')[1]).toBeGreaterThan(sidebarPlace('/notes/duration')[1]!)
    expect(sidebarPlace('/unlisted')[0]).toBeGreaterThan(sidebarPlace('/references')[0]!)
  })

  it('leaves the 404 page out: it is the answer to a wrong address, not a page of the site', () => {
    expect(readSitePages().map((page) => page.file)).not.toContain('pages/404.mdx')
  })
})

describe('every folder has an index page', () => {
  // pages/api holds API routes, not pages; pages/receipts the receipt page, reached only by its links.
  const folders = readdirSync('pages', { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== 'api' && entry.name !== 'receipts')
    .map((entry) => `/${entry.name}`)

  it('every folder under pages/ has its _meta.js in the sidebar data', () => {
    expect(folders.length).toBeGreaterThan(0)
    expect([...sidebarFolders].sort()).toEqual([...folders].sort())
  })

  it.each(folders)('%s is a page, the folder’s sidebar entry, generated from that data', (folder) => {
    const page = readSitePages().find((p) => p.route === folder)
    expect(page, `pages${folder}.mdx`).toBeDefined()
    expect(page!.body).toMatch(/<FolderIndex \/>/)
    expect(readFileSync(`pages${folder}.mdx`, 'utf8')).toContain(`folderIndexProps('pages${folder}.mdx')`)
  })

  it('lists the pages a folder holds, in the sidebar’s order, by their sidebar names', () => {
    const lines = folderContents(readSitePages(), '/notes').map(pageLine)
    expect(lines.map((line) => line.route)).toEqual(Object.keys(notesMeta).map((note) => `/notes/${note}`))
    expect(lines.map((line) => line.label)).toEqual(Object.values(notesMeta))
    for (const line of lines) expect(line.description).not.toBe('')
  })
})
