import { runLookupResponse } from '@/demos/http/run-lookup'
import { demoRuntime } from '@/demos/runtime'

export function GET(request: Request) {
  return runLookupResponse(demoRuntime(), request)
}
