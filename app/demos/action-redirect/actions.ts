'use server'

import { redirect, RedirectType } from 'next/navigation'
import { after } from 'next/server'
import { demoAction } from '@/demos/next'

export const saveAndRedirect = demoAction('action-redirect', async (ops) => {
  const { updateDatabase, logUserAction } = ops

  // Registered before the redirect: it runs once the response is sent.
  after(() => logUserAction({ action: 'saveAndRedirect' }))

  await updateDatabase()

  // Throws: the action ends here. From JavaScript, 15.5 answers 303 and
  // 16 answers 200, both naming this page in x-action-redirect.
  // (replace: the demo runs in a frame, and a push would add an entry to
  // the visitor's Back button.)
  redirect('/demos/action-redirect', RedirectType.replace)
})
