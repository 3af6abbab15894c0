/**
 * Reads a streamed response (an event stream, a streamed body) to its end,
 * keeping everything it received: `text()` so far, `done` with all of it,
 * and `reached(marker)`, which resolves once the text includes `marker`.
 * A dropped connection ends it quietly: what arrived is the evidence.
 */
export function streamText(response: Response | Promise<Response>) {
  let text = ''
  const waiting: Array<{ marker: string; resolve: () => void }> = []
  const done = (async () => {
    try {
      const reader = (await response).body!.getReader()
      const decoder = new TextDecoder()
      for (;;) {
        const { value, done } = await reader.read()
        if (done) break
        text += decoder.decode(value, { stream: true })
        for (const wait of waiting.filter((wait) => text.includes(wait.marker))) wait.resolve()
      }
    } catch {
      // the connection dropped: what arrived so far is the evidence
    }
    return text
  })()
  const reached = (marker: string) => new Promise<void>((resolve) => (text.includes(marker) ? resolve() : waiting.push({ marker, resolve })))
  return { done, reached, text: () => text }
}
