import { redirect } from 'next/navigation'
import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fail-redirect', async (_, ops) => {
  const { logUserAction, updateDatabase, sendReceipt } = ops

  // Registered before the redirect: it runs once the 307 has been sent.
  after(() => logUserAction({ attempt: 'checkout' }))

  await updateDatabase()

  // redirect() throws: the handler ends here and Next.js answers 307.
  redirect('/notes/failures')

  // Never reached, so never registered: this callback does not run.
  after(() => sendReceipt())
}, behaviourOperations)
