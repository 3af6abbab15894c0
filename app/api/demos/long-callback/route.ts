import { after } from 'next/server'
import { demoRoute } from '@/demos/next'

// On a serverless platform this bounds the whole invocation, after()
// callbacks included: the function is stopped 2 s after the request
// arrived. `next start` ignores it.
export const maxDuration = 2

export const POST = demoRoute('long-callback', async (_, ops) => {
  const { updateDatabase, logUserAction, json } = ops

  await updateDatabase()

  // A slow job that the response does not wait for.
  after(async () => {
    await logUserAction({ job: 'rebuild search index' })
  })

  return json({ status: 'success', maxDuration })
})
