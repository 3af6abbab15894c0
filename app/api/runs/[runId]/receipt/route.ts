import { receiptRoute } from '@/demos/receipts'

export const POST = receiptRoute
