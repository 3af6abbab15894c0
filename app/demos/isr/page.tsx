import { after } from 'next/server'
import { recordCallbackRun } from '@/demos/build-record'

// Prerendered at build time, then regenerated in the background at most once every 2 s.
export const revalidate = 2

export default function RevalidatedPage() {
  const renderedAt = new Date().toISOString()

  after(async () => {
    await recordCallbackRun('isr', { renderedAt })
  })

  return (
    <p>
      This page was rendered at <time dateTime={renderedAt}>{renderedAt}</time>.
    </p>
  )
}
