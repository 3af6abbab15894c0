import { useRouter } from 'next/router'
import { useData } from 'nextra/hooks'
import { useEffect, useState } from 'react'
import { closestPages } from '../../links/closest-pages'
import type { PageLine } from '../../links/page-lines'
import { PageList } from './PageList'
import styles from './PageList.module.css'

/**
 * On the 404 page: the address that was asked for and the pages closest to it.
 * The page is prerendered once for every wrong address, so the address is only
 * known in the browser.
 */
export function ClosestPages() {
  const lines = useData()?.pageLines as PageLine[] | undefined
  if (!lines) throw new Error("ClosestPages has no pages: the page's getStaticProps must be everyPageProps().")
  const { asPath } = useRouter()
  const [address, setAddress] = useState<string>()
  useEffect(() => setAddress(asPath), [asPath])
  if (address === undefined) return <p className={styles.lead}>There is no page at this address.</p>
  return (
    <div data-closest-pages>
      <p className={styles.lead}>
        There is no page at <code className="nextra-code">{address}</code>. The pages whose addresses are closest to it:
      </p>
      <PageList lines={closestPages(address, lines)} />
    </div>
  )
}
