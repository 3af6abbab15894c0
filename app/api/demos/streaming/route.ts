import { after } from 'next/server'
import { demoRoute } from '@/demos/next'
import { behaviourOperations } from '@/demos/operations'

export const POST = demoRoute('streaming', async (_, ops) => {
  const { reportStream, logUserAction, stream } = ops

  // Runs once the whole stream has been sent, or as soon as the
  // client leaves.
  after(() => logUserAction({ delivered: 'report' }))

  // The body is a ReadableStream: a chunk at a time until the report
  // is done.
  return stream(reportStream())
}, behaviourOperations)
