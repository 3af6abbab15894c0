import http from 'node:http'
import { gunzipSync } from 'node:zlib'
import { waitFor } from './health'

/**
 * The race an ISR page's after() runs on Next.js 15.5: a background regeneration's callbacks run on the `close`
 * event of the response that triggered it, and only if after() was called before that event. Shared by the truth
 * tests (integration/notes-surfaces-where) and the figures the page quotes (bench/isr-race).
 */

export type Encoding = 'gzip' | 'identity'

/** When the page in this HTML was rendered, as the page itself shows it. */
export const renderedAtOf = (html: string): string => /dateTime="([^"]+)"/.exec(html)![1]!

/**
 * A GET on a connection of its own that the client asks the server to close with the response (`Connection: close`).
 * `closedAt` is when the client saw that connection close: the server had emitted its response's `close` event by
 * then (Node.js emits it on the next tick after the last write, before the socket's FIN can go out).
 */
export const getAndClose = (url: string, encoding: Encoding) =>
  new Promise<{ body: string; cache: string | undefined; closedAt: number }>((resolve, reject) => {
    http
      .get(url, { agent: false, headers: { connection: 'close', 'accept-encoding': encoding } }, (response) => {
        const chunks: Buffer[] = []
        response.on('data', (chunk: Buffer) => chunks.push(chunk))
        response.socket.on('close', () => {
          const body = Buffer.concat(chunks)
          resolve({
            body: (response.headers['content-encoding'] === 'gzip' ? gunzipSync(body) : body).toString(),
            cache: response.headers['x-nextjs-cache'] as string | undefined,
            closedAt: Date.now(),
          })
        })
      })
      .on('error', reject)
  })

const cacheOf = (response: Response) => response.headers.get('x-nextjs-cache')

export interface Regeneration {
  /** When the client saw the connection of the request that triggered it close (ms since the epoch). */
  closedAt: number
  /** When the regeneration rendered, as the page shows it. */
  renderedAt: string
}

/**
 * Regenerates an ISR page (revalidate = 2) with a request of its own, made on a connection the server closes with
 * the stale page (`x-nextjs-cache: STALE`). First waits for a fresh page (`HIT`, so no regeneration is under way and
 * the next stale request is the one that starts it), then for it to go stale.
 */
export async function regenerateOnce(url: string, encoding: Encoding): Promise<Regeneration> {
  const read = async () => {
    const response = await fetch(url)
    return { cache: cacheOf(response), renderedAt: renderedAtOf(await response.text()) }
  }
  const fresh = await waitFor(read, ({ cache }) => cache === 'HIT', 30_000)
  if (fresh.cache !== 'HIT') throw new Error(`${url} was never served fresh (x-nextjs-cache: ${fresh.cache})`)
  // Past `revalidate` (2 s) from the render, the next request is sent the stale page and starts a regeneration.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Date.parse(fresh.renderedAt) + 2100 - Date.now())))
  const trigger = await waitFor(() => getAndClose(url, encoding), ({ cache }) => cache === 'STALE', 10_000)
  if (trigger.cache !== 'STALE') throw new Error(`${url} never went stale (x-nextjs-cache: ${trigger.cache})`)
  const now = await waitFor(read, ({ renderedAt }) => renderedAt !== fresh.renderedAt, 30_000)
  if (now.renderedAt === fresh.renderedAt) throw new Error(`${url} was not regenerated within 30 s`)
  return { closedAt: trigger.closedAt, renderedAt: now.renderedAt }
}

/**
 * Whether a regeneration certainly called after() once the response that triggered it had closed: the page calls
 * after() `awaitedMs` or more after it takes its render time, so that holds when it rendered later than `awaitedMs`
 * before the client saw the connection close (one clock: the server is on this machine).
 */
export const calledAfterClose = ({ closedAt, renderedAt }: Regeneration, awaitedMs: number): boolean =>
  Date.parse(renderedAt) + awaitedMs > closedAt
