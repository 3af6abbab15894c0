import { runEventsResponse } from '@/demos/http/run-events'
import { demoRuntime } from '@/demos/runtime'

export async function GET(request: Request, { params }: { params: Promise<{ runId: string }> }) {
  return runEventsResponse(demoRuntime(), request, (await params).runId)
}
