import { useRouter } from 'next/router'
import { useConfig } from 'nextra-theme-docs'
import { reviewComment } from '../review-comment'
import { absoluteUrl } from '../site'
import { CopyButton } from './CopyButton'
import styles from './ReviewComment.module.css'

/**
 * "Copy review comment": one sentence of advice (`text`, Markdown) and a link to
 * this section, as Markdown ready to paste into a pull request. Place it
 * under the heading whose `[#id]` is `anchor`; without `anchor` it links the page.
 */
export function ReviewComment({ anchor, text }: { anchor?: string; text: string }) {
  const { pathname } = useRouter()
  const { title } = useConfig()
  const url = absoluteUrl(`${pathname}${anchor ? `#${anchor}` : ''}`)
  return (
    <div className={styles.review}>
      <CopyButton
        text={reviewComment(text, title, url)}
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
