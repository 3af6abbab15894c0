import { after } from 'next/server'
import { recordCallbackRun } from '@/demos/operations'
import { simulate } from '@/demos/engine'

// Prerendered at build time, then regenerated in the background at most once every 2 s.
export const revalidate = 2

export default async function RevalidatedPage() {
  const renderedAt = new Date().toISOString()
  // Stands in for a data fetch: after() is called once the component has awaited something.
  await simulate(50)

  after(async () => {
    await recordCallbackRun('isr', { renderedAt })
  })

  return (
    <p>
      This page was rendered at <time dateTime={renderedAt}>{renderedAt}</time>.
    </p>
  )
}
