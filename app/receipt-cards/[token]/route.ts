import { receiptCardResponse } from '@/links/receipt-card-response'

export const GET = receiptCardResponse
