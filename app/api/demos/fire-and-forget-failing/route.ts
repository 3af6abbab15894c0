import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fire-and-forget-failing', async (_, ops) => {
  const { updateDatabase, sendToAnalytics, json } = ops

  await updateDatabase()

  // Not awaited: when it fails, nobody handles the rejection,
  // and the process reports an unhandled rejection.
  void sendToAnalytics()

  return json({ status: 'success' })
}, behaviourOperations)
