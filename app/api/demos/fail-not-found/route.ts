import { notFound } from 'next/navigation'
import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fail-not-found', async (_, ops) => {
  const { logUserAction, updateDatabase, sendReceipt } = ops

  // Registered before notFound(): it runs once the 404 has been sent.
  after(() => logUserAction({ attempt: 'checkout' }))

  await updateDatabase()

  // notFound() throws: the handler ends here and Next.js answers 404.
  notFound()

  // Never reached, so never registered: this callback does not run.
  after(() => sendReceipt())
}, behaviourOperations)
