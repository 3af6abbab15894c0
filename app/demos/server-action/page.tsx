import { ActionRunner } from '@/components/live-demo/surfaces/ActionRunner'
import { saveItem } from './actions'

export const metadata = { title: 'Server Action demo' }

export default function ServerActionDemo() {
  return <ActionRunner surface="server-action" action={saveItem} />
}
