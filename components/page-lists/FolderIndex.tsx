import { useData } from 'nextra/hooks'
import type { PageLine } from '../../links/page-lines'
import { PageList } from './PageList'

/** A folder's index: one line per page it holds, in the sidebar's order (`folderIndexProps` loads them). */
export function FolderIndex() {
  const lines = useData()?.pageLines as PageLine[] | undefined
  if (!lines) throw new Error("FolderIndex has no pages: the page's getStaticProps must be folderIndexProps('<this page's file>').")
  return <PageList lines={lines} />
}
