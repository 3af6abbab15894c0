import { useRouter } from 'next/router'
import { useConfig } from 'nextra-theme-docs'
import { site } from '../site'
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
  const url = `${site.origin}${pathname === '/' ? '/' : pathname}${anchor ? `#${anchor}` : ''}`
  const comment = `${text.trim()} See [${site.name}: ${title}](${url}).`
  return (
    <div className={styles.review}>
      <CopyButton text={comment} label={`Copy a review comment linking to ${anchor ? `this section` : 'this page'}`}>
        Copy review comment
      </CopyButton>
    </div>
  )
}
