import { warmResponse } from '@/demos/serverless'

export const POST = warmResponse
