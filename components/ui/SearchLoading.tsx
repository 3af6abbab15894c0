import { useEffect, useRef } from 'react'

/**
 * Nextra 3.3's search drops what is typed while its index loads: the text stays
 * in the box but no search is run, so a visitor on a slow connection who types
 * "monotonic" at once reads "No results found." This stands in for the theme's
 * "Loading…" text (theme.config.tsx) and, as it goes away because the index has
 * loaded, hands the box's text to the search again.
 */
export function SearchLoading() {
  const text = useRef<HTMLSpanElement>(null)
  useEffect(() => {
    const listbox = text.current?.closest('[role="listbox"]')
    return () => {
      // Looked up now: the box names its list in aria-controls only once the list is open.
      const box = listbox?.id ? document.querySelector<HTMLInputElement>(`input[aria-controls="${listbox.id}"]`) : null
      if (box?.value) queueMicrotask(() => searchAgain(box))
    }
  }, [])
  return <span ref={text}>Loading…</span>
}

/**
 * React reports a change only when the box's value differs from the last one it
 * saw, so the value goes out and back through the native setter, which React's
 * own tracking does not see.
 */
function searchAgain(box: HTMLInputElement) {
  const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
  const query = box.value
  for (const value of [`${query} `, query]) {
    setValue.call(box, value)
    box.dispatchEvent(new Event('input', { bubbles: true }))
  }
}
