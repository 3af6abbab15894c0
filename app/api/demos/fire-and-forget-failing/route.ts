import { demoRoute } from '@/demos/next/demo-route'
import { runtimeOperations } from '@/demos/runtime-operations'

export const POST = demoRoute('fire-and-forget-failing', async (_request, { updateDatabase, sendToAnalytics, json }) => {
  await updateDatabase()

  // Not awaited: when it fails, nobody handles the rejection: an unhandled rejection.
  void sendToAnalytics()

  return json({ status: 'success' })
}, runtimeOperations)
