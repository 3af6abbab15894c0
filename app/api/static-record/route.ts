import { staticRecordResponse } from '@/demos/http'

export const GET = staticRecordResponse
