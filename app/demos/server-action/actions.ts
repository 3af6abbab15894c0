'use server'

import { after } from 'next/server'
import { demoAction } from '@/demos/next'

export const saveItem = demoAction('server-action', async (ops) => {
  const { updateDatabase, logUserAction } = ops

  // Critical work: the caller gets its result.
  await updateDatabase()

  // Scheduled in the action: it runs once the action's response
  // has been sent.
  after(async () => {
    await logUserAction({ action: 'saveItem' })
  })

  return { status: 'success' }
})
