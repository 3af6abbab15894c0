import { processWide } from '../engine'

/**
 * The cache-invalidation demo's "database": one product's stock count, in
 * process memory, shared however Next.js bundles the route.
 */

// Next.js keeps its data cache on disk across restarts; a random start makes a
// value cached by an earlier server process impossible to mistake for a fresh one.
const freshStart = (): number => 100_000 + Math.floor(Math.random() * 900_000)

const store = processWide('demo-stock', () => ({ units: freshStart() }))

export const readStock = async (): Promise<number> => store().units

/** Sells one unit and returns the stock left; starts over rather than going below zero. */
export function sellOne(): number {
  const stock = store()
  stock.units = stock.units > 0 ? stock.units - 1 : freshStart()
  return stock.units
}
