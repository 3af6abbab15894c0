import { useRouter } from 'next/router'
import type { ComponentProps, FC } from 'react'
import { copiedUrl } from '../../links/site'
import { CopyButton } from '../ui/CopyButton'
import styles from './CopyLinkHeading.module.css'

type HeadingProps = ComponentProps<'h2'>

function CopyLink({ id }: { id: string }) {
  const { pathname } = useRouter()
  return (
    <CopyButton text={copiedUrl(`${pathname}#${id}`)} label="Copy link to this section" className={styles.copy}>
      <svg aria-hidden="true" viewBox="0 0 24 24" width="16" height="16" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
        <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
      </svg>
    </CopyButton>
  )
}

/**
 * Nextra's heading (id, `#` permalink, table-of-contents tracking) with a
 * button that copies the section's absolute URL.
 */
export function withCopyLink(Base: FC<HeadingProps>): FC<HeadingProps> {
  return function CopyLinkHeading({ children, ...props }: HeadingProps) {
    const withButton = props.id && props.className !== 'sr-only'
    return (
      <Base {...props}>
        {children}
        {withButton ? <CopyLink id={props.id!} /> : null}
      </Base>
    )
  }
}
