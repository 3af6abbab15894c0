import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('fire-and-forget', async (request, ops) => {
  const { updateDatabase, logUserAction, json } = ops

  await updateDatabase()

  // Fire-and-forget: started now, never awaited. It competes with the
  // rest of the handler, and nothing keeps the function alive for it
  // on serverless.
  const userAgent = request.headers.get('user-agent') ?? 'unknown'
  void logUserAction({ userAgent })

  return json({ status: 'success' })
}, behaviourOperations)
