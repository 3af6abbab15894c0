import { after } from 'next/server'
import { demoRoute } from '@/demos/next/demo-route'
import { runtimeOperations } from '@/demos/runtime-operations'

export const POST = demoRoute('callback-error', async (request, { updateDatabase, sendToAnalytics, logUserAction, json }) => {
  await updateDatabase()

  // Fails after the response: Next.js catches it (the callback awaits it) and logs it.
  after(async () => {
    await sendToAnalytics()
  })

  // A sibling callback: it runs to the end whatever happens to the one above.
  after(() => logUserAction({ userAgent: request.headers.get('user-agent') ?? 'unknown' }))

  return json({ status: 'success' })
}, runtimeOperations)
