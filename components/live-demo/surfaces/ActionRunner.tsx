'use client'

import { useEffect, useState } from 'react'
import type { ActionResult } from '../../../demos/next'
// Not the demos/client entry: this runs in the frame's own bundle, which needs neither the scenarios nor the charts.
import { isFrameMessage, type FrameMessage } from '../../../demos/client/frame-protocol'
import { watchOwnResponseStatus } from '../../../demos/client/own-response-status'
import { startAction } from '../../../demos/client/start-run'
import { appSurfaces, type AppSurfaceName } from '../../../demos/scenarios/surfaces'
import { ms, statusText } from '../format'

/**
 * The Server Action surface, shown in a frame on a docs page. The page asks
 * it to run (postMessage); it calls the action like any client component
 * would and sends the page the run it started, as measured here.
 */
export function ActionRunner({ surface, action }: { surface: AppSurfaceName; action: (query: string, ref?: string) => Promise<ActionResult> }) {
  const [status, setStatus] = useState('Ready. The docs page around this frame starts the Server Action.')

  // The docs page passes its theme in the hash (#dark / #light); the frame cannot see the page's own setting.
  useEffect(() => {
    const applyTheme = () => {
      const theme = window.location.hash.slice(1)
      if (theme === 'dark' || theme === 'light') document.documentElement.dataset.theme = theme
    }
    applyTheme()
    window.addEventListener('hashchange', applyTheme)
    return () => window.removeEventListener('hashchange', applyTheme)
  }, [])

  useEffect(() => {
    const reply = (message: FrameMessage) => window.parent.postMessage(message, window.location.origin)
    async function onMessage(event: MessageEvent) {
      if (!isFrameMessage(event) || event.data.type !== 'after-guide:run' || event.data.surface !== surface) return
      const { id, query } = event.data
      setStatus('Calling the Server Action…')
      try {
        // This page's path less the surface's own: the prefix of the Next.js version that serves it.
        const base = window.location.pathname.slice(0, -appSurfaces[surface].path.length)
        const run = await startAction(surface, action, query, { base, status: watchOwnResponseStatus() })
        setStatus(`The Server Action answered ${statusText(run)} after ${ms(run.browser.lastByte)} (run ${run.runId}).`)
        reply({ type: 'after-guide:result', surface, id, run })
      } catch (error) {
        const message = error instanceof Error ? error.message : 'The Server Action failed.'
        setStatus(`Error: ${message}`)
        reply({ type: 'after-guide:failed', surface, id, message })
      }
    }
    window.addEventListener('message', onMessage)
    reply({ type: 'after-guide:ready', surface })
    return () => window.removeEventListener('message', onMessage)
  }, [surface, action])

  return (
    <p role="status" className="muted" data-testid="action-status">
      {status}
    </p>
  )
}
