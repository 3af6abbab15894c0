import { useRouter } from 'next/router'
import { useConfig } from 'nextra-theme-docs'
import { useEffect, useState } from 'react'
import { reviewComment, shortLinkSlug } from '../review-comment'
import { copiedUrl } from '../../links/site'
import { CopyButton } from '../ui/CopyButton'
import styles from './ReviewComment.module.css'

export interface Heading {
  text: string
  pageTop: boolean
}

/** The heading `id` as a reader sees it, without the permalink and copy button inside it. */
export function readHeading(id: string): Heading | undefined {
  const element = document.getElementById(id)
  if (!element) return undefined
  const copy = element.cloneNode(true) as HTMLElement
  copy.querySelectorAll('button, a.subheading-anchor').forEach((node) => node.remove())
  const text = copy.textContent?.trim()
  return text ? { text, pageTop: element.tagName === 'H1' } : undefined
}

/**
 * "Copy review comment": one sentence of advice (`text`, Markdown) and a link to
 * this section, as Markdown ready to paste into a pull request. Place it
 * under the heading whose `[#id]` is `anchor`; without `anchor` it links the page.
 * The link is the section's permanent `/r/<slug>` when the front matter declares
 * one, and is named after the heading, which is only known once the page is in
 * the browser (Nextra keeps the headings out of the page's config).
 */
export function ReviewComment({ anchor, text }: { anchor?: string; text: string }) {
  const { pathname } = useRouter()
  const { title, frontMatter } = useConfig()
  const [heading, setHeading] = useState<Heading | undefined>()
  useEffect(() => setHeading(anchor ? readHeading(anchor) : undefined), [anchor])
  const slug = shortLinkSlug(frontMatter.shortLinks, anchor, !anchor || (heading?.pageTop ?? false))
  const url = copiedUrl(slug ? `/r/${slug}` : `${pathname}${anchor ? `#${anchor}` : ''}`)
  return (
    <div className={styles.review}>
      <CopyButton
        text={reviewComment(text, heading?.text ?? title, url)}
        label={`Copy review comment: advice and a link to this ${anchor ? 'section' : 'page'}, as Markdown`}
        className={styles.button}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" width="15" height="15" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M21 15a2 2 0 0 1-2 2H7l-4 4V5a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2z" />
        </svg>
        Copy review comment
      </CopyButton>
    </div>
  )
}
