import { demoRoute } from '@/demos/next'

export const POST = demoRoute('baseline', async (_, { updateDatabase, json }) => {
  // Critical work only: the yardstick the benchmark measures the other routes against.
  await updateDatabase()

  return json({ status: 'success' })
})
