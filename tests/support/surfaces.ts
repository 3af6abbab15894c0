import { readFileSync } from 'node:fs'
import path from 'node:path'
import { baseUrl, currentVersion, timed, type TimedResponse } from './api'

/** GETs a demo page and returns its run id from the HTML, with the timing. */
export async function pageRun(pathAndQuery: string, init?: RequestInit): Promise<TimedResponse & { runId: string; firstByte: number }> {
  const start = performance.now()
  const response = await fetch(`${baseUrl()}${pathAndQuery}`, init)
  const firstByte = performance.now() - start
  const body = await response.text()
  const elapsed = performance.now() - start
  const runId = /data-run-id="([A-Za-z0-9_-]{12})"/.exec(body)?.[1]
  if (!runId) throw new Error(`no run id in ${pathAndQuery} (HTTP ${response.status}): ${body.slice(0, 300)}`)
  return { response, body, elapsed, firstByte, runId }
}

/**
 * The id Next.js gave a Server Action in the build at `root` (by default the
 * version under test's), from that build's own manifest (Turbopack names the
 * file from its root, the site's folder: `next16/app/...`).
 */
export function actionId(file: string, exportedName: string, root = currentVersion().root): string {
  const manifest = JSON.parse(readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName: string; filename: string }>
  }
  const found = Object.entries(manifest.node).find(
    ([, entry]) => (entry.filename === file || entry.filename.endsWith(`/${file}`)) && entry.exportedName === exportedName,
  )
  if (!found) throw new Error(`no Server Action ${exportedName} in ${file} in this build`)
  return found[0]
}

/**
 * Calls a Server Action the way Next.js's client does (POST to the page with
 * its `Next-Action` id and the arguments as JSON) and decodes the result.
 */
export async function callAction<T>(
  pagePath: string,
  file: string,
  exportedName: string,
  args: unknown[],
  headers: Record<string, string> = {},
): Promise<{ result: T; elapsed: number; response: Response }> {
  const { response, body, elapsed } = await timed(pagePath, {
    method: 'POST',
    headers: {
      'Next-Action': actionId(file, exportedName),
      'Content-Type': 'text/plain;charset=UTF-8',
      Accept: 'text/x-component',
      ...headers,
    },
    body: JSON.stringify(args),
  })
  const line = body.split('\n').find((row) => row.startsWith('1:'))
  if (!line) throw new Error(`unexpected Server Action response (HTTP ${response.status}): ${body.slice(0, 300)}`)
  return { result: JSON.parse(line.slice(2)) as T, elapsed, response }
}
