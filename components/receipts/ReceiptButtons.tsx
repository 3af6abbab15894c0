import { useRouter } from 'next/router'
import { useConfig } from 'nextra-theme-docs'
import { useRef } from 'react'
import { requestReceipt } from '../../demos/client'
import type { StartedRun } from '../../demos/client/run'
import { copiedUrl } from '../../links/site'
import { readHeading } from '../mdx/ReviewComment'
import { reviewComment, shortLinkSlug } from '../review-comment'
import { CopyButton } from '../ui/CopyButton'
import buttonStyles from '../mdx/ReviewComment.module.css'
import styles from './ReceiptButtons.module.css'

/** The `[#id]` heading the demo sits under: the last one before it in the page. */
function headingBefore(element: HTMLElement | null): string | undefined {
  if (!element) return undefined
  const before = [...document.querySelectorAll<HTMLElement>('h1[id], h2[id], h3[id]')].filter(
    (heading) => heading.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING,
  )
  return before[before.length - 1]?.id
}

/**
 * "Copy receipt link" and "Copy receipt as review comment" for finished runs
 * (drawn together, the first first): the receipt is asked of the server that
 * ran them on the first click and kept for the second. The review comment is
 * the receipt's sentence, its link and the short link of the section the demo
 * is in, every link on the visitor's origin unless a public one is configured.
 */
export function ReceiptButtons({ runs }: { runs: readonly StartedRun[] }) {
  // A receipt is signed by the server that ran its runs: runs on two versions get one pair of buttons each.
  const bases = [...new Set(runs.map((run) => run.base ?? ''))]
  if (bases.length > 1) return <>{bases.map((base) => <ReceiptButtons key={base} runs={runs.filter((run) => (run.base ?? '') === base)} />)}</>
  return <VersionReceiptButtons runs={runs} base={bases[0] ?? ''} />
}

function VersionReceiptButtons({ runs, base }: { runs: readonly StartedRun[]; base: string }) {
  const place = useRef<HTMLDivElement>(null)
  const { pathname } = useRouter()
  const { title, frontMatter } = useConfig()
  const made = useRef<{ key: string; receipt: ReturnType<typeof requestReceipt> } | undefined>(undefined)
  // The section's own short link, else the page's (its H1's): a receipt always leads back into the guide.
  const section = () => {
    const anchor = headingBefore(place.current)
    const heading = anchor ? readHeading(anchor) : undefined
    const own = anchor && !heading?.pageTop ? shortLinkSlug(frontMatter.shortLinks, anchor, false) : undefined
    const slug = own ?? shortLinkSlug(frontMatter.shortLinks, document.querySelector('h1[id]')?.id, true)
    const name = own ? (heading?.text ?? title) : title
    return { slug, name, url: copiedUrl(slug ? `/r/${slug}` : `${pathname}${anchor ? `#${anchor}` : ''}`) }
  }
  const receipt = () => {
    const key = runs.map((run) => run.runId).join(',')
    if (made.current?.key !== key) {
      const asked = requestReceipt(runs, { base, section: section().slug })
      // A failed request is asked again on the next click.
      asked.catch(() => (made.current = undefined))
      made.current = { key, receipt: asked }
    }
    return made.current.receipt
  }
  const link = async () => copiedUrl((await receipt()).path)
  const comment = async () => {
    const { path, sentence } = await receipt()
    const { name, url } = section()
    return reviewComment(`${sentence} [Receipt, with the chart](${copiedUrl(path)}).`, name, url)
  }
  return (
    <div ref={place} className={styles.buttons} data-testid="receipt-buttons">
      <CopyButton text={link} label="Copy receipt link: a lasting page with this run's chart and figures" className={buttonStyles.button}>
        Copy receipt link
      </CopyButton>
      <CopyButton text={comment} label="Copy receipt as review comment: the measured figures and links, as Markdown" className={buttonStyles.button}>
        Copy receipt as review comment
      </CopyButton>
    </div>
  )
}
