import { routeOf, sidebarLabel, sitePages, type SitePage } from './site-pages'

/** One line of a list of pages: where it is, the sidebar's name for it, what it says. */
export interface PageLine {
  route: string
  label: string
  description: string
}

export function pageLine(page: SitePage): PageLine {
  return { route: page.route, label: sidebarLabel(page), description: page.description }
}

/** The pages directly inside a folder (`/notes`), in the sidebar's order. */
export function folderContents(pages: readonly SitePage[], folder: string): SitePage[] {
  return pages.filter((page) => page.route.startsWith(`${folder}/`) && !page.route.slice(folder.length + 1).includes('/'))
}

/**
 * `getStaticProps` of a folder's index page (`pages/notes.mdx` for `pages/notes/`):
 * the folder's pages from the same front matter and `_meta.js` as the sidebar,
 * so the index cannot drift from it.
 */
export function folderIndexProps(file: string) {
  return { props: { ssg: { pageLines: folderContents(sitePages(), routeOf(file)).map(pageLine) } } }
}

/** `getStaticProps` of the 404 page: every page, for the visitor's browser to pick the closest to the wrong address. */
export function everyPageProps() {
  return { props: { ssg: { pageLines: sitePages().map(pageLine) } } }
}
