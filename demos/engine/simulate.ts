/** Stands in for a slow call (a database write, an HTTP request) of a known length. */
export const simulate = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))
