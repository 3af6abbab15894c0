import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('callback-error', async (request, ops) => {
  const { updateDatabase, sendToAnalytics, logUserAction, json } = ops

  await updateDatabase()

  // Fails after the response: Next.js catches it (the callback
  // awaits it) and logs it.
  after(async () => {
    await sendToAnalytics()
  })

  // A sibling callback: it runs to the end whatever happens
  // to the one above.
  after(() => {
    const userAgent = request.headers.get('user-agent') ?? 'unknown'
    return logUserAction({ userAgent })
  })

  return json({ status: 'success' })
}, behaviourOperations)
