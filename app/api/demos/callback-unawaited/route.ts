import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('callback-unawaited', async (request, ops) => {
  const { updateDatabase, sendToAnalytics, logUserAction, json } = ops

  await updateDatabase()

  after(() => {
    // Not awaited: after() has already returned when this fails, so the
    // rejection is nobody's, and Node.js reports an unhandled rejection.
    void sendToAnalytics()
  })

  after(() => {
    const userAgent = request.headers.get('user-agent') ?? 'unknown'
    return logUserAction({ userAgent })
  })

  return json({ status: 'success' })
}, behaviourOperations)
