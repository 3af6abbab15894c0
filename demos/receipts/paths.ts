/** The receipt's page, served by the site whichever server ran the runs. */
export const receiptPath = (token: string): string => `/receipts/${token}`

/** The receipt's Open Graph card. */
export const receiptCardPath = (token: string): string => `/receipt-cards/${token}.png`
