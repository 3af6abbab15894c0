import { ActionRunner } from '@/components/live-demo/surfaces/ActionRunner'
import { saveAndRedirect } from './actions'

export const metadata = { title: 'Server Action redirect demo' }

export default function ActionRedirectDemo() {
  return <ActionRunner surface="action-redirect" action={saveAndRedirect} />
}
