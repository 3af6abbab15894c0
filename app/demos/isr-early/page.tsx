import { after } from 'next/server'
import { recordCallbackRun } from '@/demos/operations'

// The same ISR page, but after() is called before the component awaits anything.
export const revalidate = 2

export default async function RevalidatedPage() {
  const renderedAt = new Date().toISOString()

  after(async () => {
    await recordCallbackRun('isr-early', { renderedAt })
  })

  return (
    <p>
      This page was rendered at <time dateTime={renderedAt}>{renderedAt}</time>.
    </p>
  )
}
