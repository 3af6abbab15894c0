import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fail-status', async (_, ops) => {
  const { logUserAction, updateDatabase, json } = ops

  after(() => logUserAction({ attempt: 'checkout' }))

  await updateDatabase()

  // An error response the handler returns itself: after() treats it
  // like any other.
  return json({ status: 'out of stock' }, { status: 409 })
}, behaviourOperations)
