import Head from 'next/head'
import type { TokenProblem } from '../../demos/receipts'
import styles from './ReceiptView.module.css'

const WHY: Record<TokenProblem, { title: string; text: string }> = {
  forged: {
    title: 'This receipt does not check out',
    text: 'Its signature does not match what it says: it was changed after this deployment made it, or made by another deployment (or before this one was rebuilt without a shared receipt secret). Nothing from it is shown.',
  },
  malformed: {
    title: 'No receipt at this address',
    text: 'The address is not a whole receipt: it may have been cut short when it was pasted. Copy the receipt link again from where it was shared.',
  },
}

/** What a visitor sees instead of a chart when the receipt cannot be trusted or read. */
export function ReceiptRefused({ problem }: { problem: TokenProblem }) {
  const { title, text } = WHY[problem]
  return (
    <main className={styles.receipt} id="content" data-testid="receipt-refused" data-problem={problem}>
      <Head>
        <title>{`${title} – after-guide`}</title>
        <meta name="robots" content="noindex" />
      </Head>
      <header className={styles.header}>
        <a href="/">after-guide</a>
      </header>
      <h1>{title}</h1>
      <p>{text}</p>
      <p className={styles.actions}>
        <a href="/">The rule: use after() for non-blocking operations</a>
      </p>
    </main>
  )
}
