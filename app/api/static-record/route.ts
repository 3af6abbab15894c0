import { buildRecordResponse } from '@/demos/build-record'

export const GET = buildRecordResponse
