import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('ordering', async (_, ops) => {
  const { updateDatabase, sendEmail, updateSearchIndex } = ops
  const { purgeCache, recordMetrics, json } = ops

  await updateDatabase()

  after(async () => {
    await sendEmail()
    // Nested: registered once the email has gone, it starts at once.
    after(() => recordMetrics())
  })
  after(() => updateSearchIndex())
  after(() => purgeCache())

  return json({ status: 'success' })
}, behaviourOperations)
