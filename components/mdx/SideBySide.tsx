import type { ReactNode } from 'react'
import styles from './SideBySide.module.css'

/** Two things to compare, next to each other on a wide screen and one above the other on a phone. */
export function SideBySide({ children }: { children: ReactNode }) {
  return <div className={styles.pair}>{children}</div>
}
