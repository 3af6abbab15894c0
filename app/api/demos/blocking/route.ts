import { demoRoute } from '@/demos/next'

export const POST = demoRoute('blocking', async (request, ops) => {
  const { updateDatabase, logUserAction, json } = ops

  // Critical work: the response depends on it.
  await updateDatabase()

  // The audit-log write is awaited, so the visitor waits for it too.
  const userAgent = request.headers.get('user-agent') ?? 'unknown'
  await logUserAction({ userAgent })

  return json({ status: 'success' })
})
