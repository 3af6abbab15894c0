import { useData } from 'nextra/hooks'
import type { Listing as ListingData } from '../../demos/build-time'
import { CopyButton } from '../ui/CopyButton'
import styles from './Listing.module.css'

/**
 * A demo's source file as it runs on this site. The page's getStaticProps
 * (`listingProps`) finds this tag in the page's source and loads the file;
 * this only displays it.
 */
export function Listing({ file, caption }: { file: string; caption?: string }) {
  const listings = useData()?.listings as Record<string, ListingData> | undefined
  const listing = listings?.[file]
  if (!listing) throw new Error(`Listing "${file}" was not loaded: the page's getStaticProps must be listingProps('<this page's file>').`)
  return (
    <figure className={styles.figure} data-listing={file}>
      <figcaption className={styles.caption}>
        <code>{file}</code>
        {caption ? <span>{caption}</span> : null}
        <CopyButton text={listing.code} label={`Copy ${file}`} />
      </figcaption>
      <div className={styles.code} dangerouslySetInnerHTML={{ __html: listing.html }} />
    </figure>
  )
}
