import type { StartedRun } from './run'

/**
 * Messages between a docs page and an App Router surface in a frame on it
 * (same origin only): the frame says it is ready, the page asks it to run,
 * the frame answers with the run it started, as the browser saw it.
 */
export type FrameMessage =
  | { type: 'after-guide:ready'; surface: string }
  | { type: 'after-guide:run'; surface: string; id: number; query: string }
  | { type: 'after-guide:result'; surface: string; id: number; run: StartedRun }
  | { type: 'after-guide:failed'; surface: string; id: number; message: string }

export const isFrameMessage = (event: MessageEvent): event is MessageEvent<FrameMessage> =>
  event.origin === window.location.origin &&
  typeof event.data === 'object' &&
  event.data !== null &&
  typeof (event.data as { type?: unknown }).type === 'string' &&
  (event.data as { type: string }).type.startsWith('after-guide:')
