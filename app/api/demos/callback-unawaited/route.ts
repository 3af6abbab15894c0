import { after } from 'next/server'
import { demoRoute } from '@/demos/next/demo-route'
import { runtimeOperations } from '@/demos/runtime-operations'

export const POST = demoRoute('callback-unawaited', async (request, { updateDatabase, sendToAnalytics, logUserAction, json }) => {
  await updateDatabase()

  after(() => {
    // Not awaited: after() has already returned when this fails, so the
    // rejection is nobody's, and Node.js reports an unhandled rejection.
    void sendToAnalytics()
  })

  after(() => logUserAction({ userAgent: request.headers.get('user-agent') ?? 'unknown' }))

  return json({ status: 'success' })
}, runtimeOperations)
