import { after } from 'next/server'
import { demoMiddleware } from '@/demos/next'

export const auditMiddleware = demoMiddleware(async (request, ops, event) => {
  const { logUserAction, recordMetrics, next } = ops

  // Scheduled here, in middleware: it starts when the middleware finishes,
  // while the page behind it has not sent a byte yet.
  after(async () => {
    await logUserAction({ path: request.nextUrl.pathname })
  })

  // waitUntil() takes a promise, so this work has already started;
  // it only keeps the server from dropping it.
  event.waitUntil(recordMetrics())

  return next()
})
