import Link from 'next/link'
import type { PageLine } from '../../links/page-lines'
import styles from './PageList.module.css'

/** Pages as a list: each one's sidebar name, linked, and its description. */
export function PageList({ lines }: { lines: readonly PageLine[] }) {
  return (
    <ul className={styles.list}>
      {lines.map((line) => (
        <li key={line.route}>
          <Link href={line.route} className={styles.link}>
            {line.label}
          </Link>
          <span className={styles.description}>{line.description}</span>
        </li>
      ))}
    </ul>
  )
}
