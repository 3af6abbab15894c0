import { after } from 'next/server'
import { demoRoute } from '@/demos/next'

export const POST = demoRoute('after', async (request, ops) => {
  const { updateDatabase, logUserAction, json } = ops

  // Critical work: the response depends on it.
  await updateDatabase()

  // The audit-log write is scheduled: it runs once the response
  // has been sent.
  after(async () => {
    const userAgent = request.headers.get('user-agent') ?? 'unknown'
    await logUserAction({ userAgent })
  })

  return json({ status: 'success' })
})
