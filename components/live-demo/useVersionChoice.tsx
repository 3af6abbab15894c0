import { useRouter } from 'next/router'
import { useEffect, useId, useRef, useState, type ReactNode } from 'react'
import { settledLater } from '../../demos/client'
import { BOTH, chosenVersions, fetchVersions, versionKey } from '../../demos/client/versions'
import type { ServedVersion } from '../../demos/versions'
import { replaceQuery } from './replace-query'
import styles from './RunDemo.module.css'

/** The URL parameter that keeps the choice, shared by every demo on the page. */
const PARAM = 'next'

export interface VersionChoiceState {
  /** The versions to run on, or what is wrong with the URL's choice; undefined until the catalogue has answered. */
  chosen: ServedVersion[] | { error: string } | undefined
  /** `chosen` once the catalogue has answered: a Run pressed before that waits, rather than run on the wrong version. */
  resolve(): Promise<ServedVersion[] | { error: string }>
  /** The radio group: one per version the catalogue lists, and "both". */
  view: ReactNode
}

/**
 * Which Next.js the demo runs on: 15.5, 16 or both, as the catalogue lists
 * them, kept in the page's `?next=` so a pasted link runs on the same.
 * `legend` names what the choice is for (running a demo, reading a record).
 */
export function useVersionChoice(legend = 'Run on'): VersionChoiceState {
  const id = useId()
  const router = useRouter()
  const [versions, setVersions] = useState<ServedVersion[] | undefined>(undefined)
  // The address as it is now: a choice made in another demo on the page went into it without a route change (replaceQuery), so `router.query` does not have it.
  const [picked, setPicked] = useState<string | undefined>(() => (typeof window === 'undefined' ? undefined : (new URL(window.location.href).searchParams.get(PARAM) ?? undefined)))
  const fromUrl = router.query[PARAM]
  const choice = picked ?? (typeof fromUrl === 'string' ? fromUrl : undefined)
  const loaded = useRef(settledLater<ServedVersion[]>())

  useEffect(() => {
    const controller = new AbortController()
    fetchVersions(controller.signal).then(
      (listed) => {
        setVersions(listed)
        loaded.current.settle(listed)
      },
      () => {
        // No catalogue: the demo runs on the site's own server alone, as before there were two.
        if (controller.signal.aborted) return
        setVersions([])
        loaded.current.settle([])
      },
    )
    return () => controller.abort()
  }, [])

  const choose = (listed: ServedVersion[]) => (listed.length === 0 ? [{ next: '', node: '', base: '' }] : chosenVersions(choice, listed))
  const chosen = versions === undefined ? undefined : choose(versions)
  const current = chosen && !('error' in chosen) ? (chosen.length > 1 ? BOTH : versionKey(chosen[0]!)) : undefined
  const pick = (key: string) => {
    setPicked(key)
    replaceQuery({ [PARAM]: key })
  }
  const options = versions && versions.length > 1 ? [...versions.map((version) => ({ key: versionKey(version), label: `Next.js ${version.next}` })), { key: BOTH, label: 'Both, side by side' }] : []

  const view = options.length > 0 ? (
    <fieldset className={styles.versions} data-testid="version-choice">
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.key}>
          <input type="radio" name={`${id}-next`} value={option.key} checked={current === option.key} onChange={() => pick(option.key)} />
          {option.label}
        </label>
      ))}
    </fieldset>
  ) : null
  return { chosen, resolve: async () => choose(await loaded.current.promise), view }
}
