import { after } from 'next/server'
import { demoRoute } from '@/demos/next/demo-route'
import { runtimeOperations } from '@/demos/runtime-operations'

export const POST = demoRoute('ordering', async (_request, ops) => {
  const { updateDatabase, sendEmail, updateSearchIndex, purgeCache, recordMetrics, json } = ops
  await updateDatabase()

  after(async () => {
    // Nested: registered while this callback runs, it starts at once.
    after(() => recordMetrics())
    await sendEmail()
  })
  after(() => updateSearchIndex())
  after(() => purgeCache())

  return json({ status: 'success' })
}, runtimeOperations)
