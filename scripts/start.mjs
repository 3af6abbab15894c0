// `npm start`: the site (Next.js 15.5) and its Next.js 16 demo server, both
// from the last `npm run build`. The site forwards /next16/* to the second
// one (AFTER_GUIDE_NEXT16_URL); a signal to this process reaches both, and it
// exits once both have drained their after() callbacks and exited.
import { spawn } from 'node:child_process'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const port = process.env.PORT || '3000'
const next16Port = process.env.NEXT16_PORT || '3016'
const next16Url = process.env.AFTER_GUIDE_NEXT16_URL || `http://127.0.0.1:${next16Port}`

/** `next start` of the Next.js installed for `dir`: the site's 15.5 or the workspace's 16. */
function nextStart(dir, args, env = {}) {
  const bin = path.join(dir, 'node_modules/next/dist/bin/next')
  return spawn(process.execPath, [bin, 'start', ...args], { cwd: dir, stdio: 'inherit', env: { ...process.env, ...env } })
}

const servers = [
  // Only when it is ours to run: an AFTER_GUIDE_NEXT16_URL elsewhere is served by that deployment.
  // It listens on loopback, so every request comes through the site: one trusted hop, whose X-Forwarded-Host is the
  // visitor's (a Server Action's Origin is checked against it) and whose X-Forwarded-For names the visitor.
  ...(process.env.AFTER_GUIDE_NEXT16_URL
    ? []
    : [nextStart(path.join(root, 'next16'), ['-p', next16Port, '-H', '127.0.0.1'], { AFTER_GUIDE_TRUSTED_PROXY_HOPS: '1' })]),
  nextStart(root, ['-p', port], { AFTER_GUIDE_NEXT16_URL: next16Url }),
]

let exitCode = 0
let running = servers.length
for (const server of servers) {
  server.on('exit', (code, signal) => {
    exitCode ||= code ?? (signal ? 1 : 0)
    // One gone is the whole site broken: stop the other, gracefully.
    for (const other of servers) if (other.exitCode === null && other.signalCode === null) other.kill('SIGTERM')
    if (--running === 0) process.exit(exitCode)
  })
}
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const server of servers) server.kill(signal)
  })
}
