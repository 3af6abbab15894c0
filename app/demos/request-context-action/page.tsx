import { ActionRunner } from '@/components/live-demo/surfaces/ActionRunner'
import { logVisit } from './actions'

export const metadata = { title: 'Server Action request-context demo' }

export default function RequestContextActionDemo() {
  return <ActionRunner surface="request-context-action" action={logVisit} />
}
