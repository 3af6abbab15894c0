import { after } from 'next/server'
import { demoMetadata, demoPage } from '@/demos/next'

export const generateMetadata = demoMetadata('metadata', async (ops) => {
  const { updateDatabase, logUserAction } = ops

  // Critical work: the page's title shows its result.
  await updateDatabase()

  // Scheduled in generateMetadata: it runs once the page has been sent.
  after(async () => {
    await logUserAction({ from: 'generateMetadata' })
  })

  return { title: 'Order saved' }
})

export default demoPage('metadata', async () => (
  <p>Saved. generateMetadata set the title.</p>
))
