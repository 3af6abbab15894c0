import { after } from 'next/server'
import { demoMiddleware } from '@/demos/next'

export const auditMiddleware = demoMiddleware(async (request, ops) => {
  const { logUserAction, next } = ops

  // Scheduled here, in middleware: it starts when the middleware finishes,
  // while the page behind it has not sent a byte yet.
  after(async () => {
    await logUserAction({ path: request.nextUrl.pathname })
  })

  return next()
})
