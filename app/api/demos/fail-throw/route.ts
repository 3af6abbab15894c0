import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fail-throw', async (_, ops) => {
  const { logUserAction, chargeCard, sendReceipt, json } = ops

  // Registered before the failure: it runs once the 500 has been sent.
  after(() => logUserAction({ attempt: 'checkout' }))

  // Throws: the card is declined, and Next.js answers 500.
  await chargeCard()

  // Never reached, so never registered: this callback does not run.
  after(() => sendReceipt())
  return json({ status: 'paid' })
}, behaviourOperations)
