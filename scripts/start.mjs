// `npm start`: the site (Next.js 15.5) and its two demo servers, all from the
// last `npm run build`: Next.js 16, and Next.js 16 with Cache Components. The
// site forwards /next16/* to the first (AFTER_GUIDE_NEXT16_URL) and
// /next16-cc/* to the second (AFTER_GUIDE_CACHE_COMPONENTS_URL); a signal to
// this process reaches all three, and it exits once all have drained their
// after() callbacks and exited.
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const port = process.env.PORT || '3000'
const next16Port = process.env.NEXT16_PORT || '3016'
const next16Url = process.env.AFTER_GUIDE_NEXT16_URL || `http://127.0.0.1:${next16Port}`
const cacheComponentsPort = process.env.CACHE_COMPONENTS_PORT || '3017'
const cacheComponentsUrl = process.env.AFTER_GUIDE_CACHE_COMPONENTS_URL || `http://127.0.0.1:${cacheComponentsPort}`

/** `next start` of the app in `dir`, by the Next.js installed for `nextDir`: the site's 15.5 or the workspace's 16. */
function nextStart(dir, args, env = {}, nextDir = dir) {
  const bin = path.join(nextDir, 'node_modules/next/dist/bin/next')
  return spawn(process.execPath, [bin, 'start', ...args], { cwd: dir, stdio: 'inherit', env: { ...process.env, ...env } })
}

// A demo server listens on loopback, so every request comes through the site: one trusted hop, whose X-Forwarded-Host
// is the visitor's (a Server Action's Origin is checked against it) and whose X-Forwarded-For names the visitor.
const behindTheSite = { AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1' }
const next16 = path.join(root, 'next16')

const servers = [
  // Each only when it is ours to run: an address given elsewhere is served by that deployment.
  ...(process.env.AFTER_GUIDE_NEXT16_URL ? [] : [nextStart(next16, ['-p', next16Port, '-H', '127.0.0.1'], behindTheSite)]),
  ...(process.env.AFTER_GUIDE_CACHE_COMPONENTS_URL
    ? []
    : [nextStart(path.join(next16, 'cache-components'), ['-p', cacheComponentsPort, '-H', '127.0.0.1'], behindTheSite, next16)]),
  nextStart(root, ['-p', port], { AFTER_GUIDE_NEXT16_URL: next16Url, AFTER_GUIDE_CACHE_COMPONENTS_URL: cacheComponentsUrl }),
]

let exitCode = 0
let running = servers.length
for (const server of servers) {
  server.on('exit', (code, signal) => {
    exitCode ||= code ?? (signal ? 1 : 0)
    // One gone is the whole site broken: stop the others, gracefully.
    for (const other of servers) if (other.exitCode === null && other.signalCode === null) other.kill('SIGTERM')
    if (--running === 0) process.exit(exitCode)
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const server of servers) server.kill(signal)
  })
}
