import { demoPage } from '@/demos/next'

export default demoPage('layout', async () => <p>Saved. This page renders inside its own layout.</p>)
