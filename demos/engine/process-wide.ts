/**
 * One value per server process, made on first use and kept on globalThis
 * under `after-guide.<name>`. Next.js may bundle the modules that share it
 * apart (middleware and the app, one route and another), each with its own
 * module-level variables; globalThis is what they have in common.
 */
export function processWide<T>(name: string, create: () => T): () => T {
  const key = Symbol.for(`after-guide.${name}`)
  const holder = globalThis as typeof globalThis & { [key: symbol]: T | undefined }
  return () => (holder[key] ??= create())
}
