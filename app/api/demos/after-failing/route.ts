import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('after-failing', async (_, ops) => {
  const { updateDatabase, sendToAnalytics, json } = ops

  await updateDatabase()

  // In after(): when it fails, the response has gone out as 200
  // and Next.js logs the error.
  after(() => sendToAnalytics())

  return json({ status: 'success' })
}, behaviourOperations)
