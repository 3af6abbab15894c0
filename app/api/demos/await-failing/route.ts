import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('await-failing', async (_, ops) => {
  const { updateDatabase, sendToAnalytics, json } = ops

  await updateDatabase()

  // Awaited: when it fails, the error goes up through the handler
  // and the visitor gets a 500.
  await sendToAnalytics()

  return json({ status: 'success' })
}, behaviourOperations)
