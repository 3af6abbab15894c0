import { notFound, redirect } from 'next/navigation'
import { after } from 'next/server'
import { Suspense } from 'react'
import { demoPage, type AppSurfaceOperations } from '@/demos/next'

type Fail = 'redirect' | 'not-found' | 'throw' | 'abort'
const surface = ({ fail }: { fail: Fail }) => `render-${fail}`

export default demoPage(surface, async (ops, { fail }) => {
  const { logUserAction, updateDatabase, sendReceipt } = ops

  // Registered before the failure: it runs once the response is sent.
  after(() => logUserAction({ attempt: 'checkout' }))

  await updateDatabase()

  // Each throws: the render stops here; Next.js answers 307, 404, 500.
  if (fail === 'redirect') redirect('/notes/failures')
  if (fail === 'not-found') notFound()
  if (fail === 'throw') throw new Error('Rendering the order failed')

  // The visitor leaves once the fallback arrives, before the slow part:
  // the callback above runs when the connection closes.
  if (fail === 'abort') {
    return (
      <Suspense fallback={<p>Loading recommendations…</p>}>
        <Recommendations ops={ops} />
      </Suspense>
    )
  }

  // Never reached, so never registered: this callback does not run.
  after(() => sendReceipt())
})

async function Recommendations({ ops }: { ops: AppSurfaceOperations }) {
  await ops.loadRecommendations()
  return <p>Recommended for you.</p>
}
