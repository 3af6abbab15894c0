import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('ordering-nested-first', async (_, ops) => {
  const { updateDatabase, sendEmail, updateSearchIndex } = ops
  const { purgeCache, recordMetrics, json } = ops

  await updateDatabase()

  after(async () => {
    // Nested, and registered first thing: Next.js starts the next queued
    // callback (updateSearchIndex) right here, before sendEmail below.
    after(() => recordMetrics())
    await sendEmail()
  })
  after(() => updateSearchIndex())
  after(() => purgeCache())

  return json({ status: 'success' })
}, behaviourOperations)
