'use server'

import { cookies, headers } from 'next/headers'
import { after } from 'next/server'
import { DEMO_COOKIE } from '@/demos/http'
import { demoAction } from '@/demos/next'

export const logVisit = demoAction('request-context-action', async (ops) => {
  const { updateDatabase, logUserAction, logError } = ops

  await updateDatabase()

  after(async () => {
    // Reading the request inside the callback works in a Server Action.
    const userAgent = (await headers()).get('user-agent') ?? 'unknown'
    const visitor =
      (await cookies()).get(DEMO_COOKIE)?.value ?? 'no demo cookie'
    await logUserAction({ userAgent })
    await logUserAction({ visitor })

    // Changing it does not: the response has already been sent.
    try {
      const cookieStore = await cookies()
      cookieStore.set(DEMO_COOKIE, 'changed-in-after')
    } catch (error) {
      logError('cookies().set()', error)
    }
  })

  return { status: 'success' }
})
