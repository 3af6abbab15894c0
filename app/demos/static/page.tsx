import { after } from 'next/server'
import { recordCallbackRun } from '@/demos/operations'

// No request data and no dynamic APIs: Next.js prerenders this page
// during `next build`.
export default function StaticPage() {
  const renderedAt = new Date().toISOString()

  after(async () => {
    await recordCallbackRun('static', { renderedAt })
  })

  return (
    <p>
      This page was rendered at{' '}
      <time dateTime={renderedAt}>{renderedAt}</time>.
    </p>
  )
}
