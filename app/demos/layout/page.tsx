import { demoPage } from '@/demos/next'

export default demoPage('layout', async () => <p>Saved. This page renders in its layout.</p>)
