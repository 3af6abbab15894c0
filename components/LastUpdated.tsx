const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/**
 * "Last updated on 25 November 2026" (in the visitor's time zone), from the page's last commit. Written
 * out by hand rather than with toLocaleDateString, Nextra's default: the first
 * Intl date formatting on a page loads the browser's locale data, a long task
 * on a phone, to print one date in a site written in English.
 */
export function LastUpdated({ timestamp }: { timestamp: Date }) {
  return (
    <>
      Last updated on{' '}
      <time dateTime={timestamp.toISOString()}>
        {timestamp.getDate()} {MONTHS[timestamp.getMonth()]} {timestamp.getFullYear()}
      </time>
    </>
  )
}
