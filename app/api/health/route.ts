import { healthResponse } from '@/demos/http/health'
import { demoRuntime } from '@/demos/runtime'

export const dynamic = 'force-dynamic'

export const GET = (request: Request) => healthResponse(demoRuntime(), request)
