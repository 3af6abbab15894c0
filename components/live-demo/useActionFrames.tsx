import { useEffect, useRef, useState, type ReactNode } from 'react'
import { appSurfaces, type AppSurfaceName } from '../../demos/scenarios'
import { frameReady, settledLater, titleOf, type ActionFrames, type Demo } from '../../demos/client'
import styles from './RunDemo.module.css'

type ActionDemo = Extract<Demo, { kind: 'action' }>

/**
 * The frames the Server Action demos are called from: each holds the
 * action's App Router page, and is shown, so the visitor sees where the call
 * comes from. The frames load the App Router's own runtime, so they mount only
 * once the visitor runs the demo.
 *
 * `prepare(demo)` mounts them and resolves, with every frame on the page,
 * once the frame of an action demo is ready to run; `view` is the frames.
 */
export function useActionFrames(demos: Demo[]): { prepare(demo: Demo): Promise<ActionFrames>; view: ReactNode } {
  const frames = useRef<ActionFrames>({})
  // Per frame: settles once the frame has mounted and said it is ready.
  const ready = useRef<Partial<Record<AppSurfaceName, ReturnType<typeof settledLater<unknown>>>>>({})
  const readyOf = (name: AppSurfaceName) => (ready.current[name] ??= settledLater())
  const [dark, setDark] = useState(false)
  const [shown, setShown] = useState(false)

  useEffect(() => setDark(document.documentElement.classList.contains('dark')), [])

  async function prepare(demo: Demo): Promise<ActionFrames> {
    if (demo.kind === 'action') {
      setShown(true)
      await readyOf(demo.name).promise
    }
    return frames.current
  }

  const actions = shown ? demos.filter((demo): demo is ActionDemo => demo.kind === 'action') : []
  const view = actions.map((demo) => (
    <figure key={demo.name} className={styles.frame}>
      <iframe
        ref={(element) => {
          if (!element || frames.current[demo.name] === element) return
          frames.current[demo.name] = element
          readyOf(demo.name).settle(frameReady(element, demo.name))
        }}
        src={`${appSurfaces[demo.name].path}#${dark ? 'dark' : 'light'}`}
        title={`${titleOf(demo)}: App Router page that calls the Server Action`}
        loading="eager"
      />
      <figcaption>
        This frame is an App Router page, <code>{appSurfaces[demo.name].path}</code>. The Server Action is called from it, as your
        own client component would call it; it reports what it measured back to this page.
      </figcaption>
    </figure>
  ))
  return { prepare, view }
}
