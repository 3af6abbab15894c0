import { healthResponse } from '@/demos/http'

export const dynamic = 'force-dynamic'

export const GET = healthResponse
