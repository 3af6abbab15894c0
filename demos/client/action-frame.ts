import type { AppSurfaceName } from '../scenarios'
import { isFrameMessage, type FrameMessage } from './frame-protocol'
import { toQuery, type StartedRun } from './run'
import { RunRequestError } from './run-error'

/*
 * The docs page's side of a Server Action run: the action is called from its
 * own App Router page, shown in a frame, and the page asks that frame to call it.
 */

const FRAME_TIMEOUT_MS = 60_000
let nextId = 0

/**
 * The first message from `frame` that `settle` settles (by returning something
 * other than undefined: a value, or an Error to reject with). Rejects with
 * `late` if none has come within FRAME_TIMEOUT_MS, so a frame that failed to
 * load ends in an error instead of a wait for ever.
 */
function frameMessage<T>(frame: HTMLIFrameElement, settle: (message: FrameMessage) => T | Error | undefined, late: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => finish(new RunRequestError(late)), FRAME_TIMEOUT_MS)
    function finish(outcome: T | Error) {
      clearTimeout(timeout)
      window.removeEventListener('message', onMessage)
      if (outcome instanceof Error) reject(outcome)
      else resolve(outcome)
    }
    function onMessage(event: MessageEvent) {
      if (!isFrameMessage(event) || event.source !== frame.contentWindow) return
      const outcome = settle(event.data)
      if (outcome !== undefined) finish(outcome)
    }
    window.addEventListener('message', onMessage)
  })
}

/** Asks the Server Action frame for `name` to call its action, and waits for the run it started. */
export function startInFrame(frame: HTMLIFrameElement, name: AppSurfaceName, params: Record<string, number>): Promise<StartedRun> {
  const id = ++nextId
  const answer = frameMessage<StartedRun>(
    frame,
    (message) => {
      if (message.surface !== name || !('id' in message) || message.id !== id) return undefined
      if (message.type === 'after-guide:result') return message.run
      if (message.type === 'after-guide:failed') return new RunRequestError(message.message)
      return undefined
    },
    'The Server Action frame did not answer in time.',
  )
  const request: FrameMessage = { type: 'after-guide:run', surface: name, id, query: toQuery(params) }
  frame.contentWindow?.postMessage(request, window.location.origin)
  return answer
}

/** Resolves once the frame's Server Action runner has started listening. */
export const frameReady = (frame: HTMLIFrameElement, name: AppSurfaceName): Promise<true> =>
  frameMessage(
    frame,
    (message) => (message.type === 'after-guide:ready' && message.surface === name ? true : undefined),
    'The Server Action frame did not load in time.',
  )

/**
 * A promise and the function that settles it, for something that happens in
 * a callback later: a frame mounting. Unlike polling for it each animation
 * frame, it does not stall while the visitor's tab is in the background.
 */
export function settledLater<T>(): { promise: Promise<T>; settle: (value: T | PromiseLike<T>) => void } {
  let settle!: (value: T | PromiseLike<T>) => void
  const promise = new Promise<T>((resolve) => (settle = resolve))
  return { promise, settle }
}
