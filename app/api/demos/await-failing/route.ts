import { demoRoute } from '@/demos/next/demo-route'
import { runtimeOperations } from '@/demos/runtime-operations'

export const POST = demoRoute('await-failing', async (_, ops) => {
  const { updateDatabase, sendToAnalytics, json } = ops

  await updateDatabase()

  // Awaited: when it fails, the error goes up through the handler
  // and the visitor gets a 500.
  await sendToAnalytics()

  return json({ status: 'success' })
}, runtimeOperations)
